package org.fewshotct.core.compare;

import ij.ImagePlus;
import ij.VirtualStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.util.Locale;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.view.Captions;
import org.fewshotct.core.view.LabelColouring;
import org.fewshotct.core.view.LabelOverlays;
import org.fewshotct.core.view.Overlaps;
import org.fewshotct.core.view.SegmentationErrors;

/**
 * The side-by-side view, one RGB page per slice. The top row holds the CT, the truth and each method, every
 * label image drawn over the CT by {@link LabelOverlays} and captioned with the method's ARI on the slice and
 * its structure count. Given a truth, a second row holds each method's {@link SegmentationErrors} view under it, and a
 * legend under the CT and truth. Without a truth there is no truth column and no second row.
 * <p>
 * Colours follow {@link LabelColouring}: touching structures never share a colour, and a method's structure
 * wears the colour of the truth structure it matches ({@link Overlaps#preferredColours}), so the same organ
 * looks the same across the row and a split or a merge shows as a change of colour.
 * </p>
 * <p>
 * Pages are drawn when asked for (a virtual stack), so a long stack costs the memory of its label stacks, not
 * of hundreds of RGB pages.
 * </p>
 */
public final class ComparisonMontage extends VirtualStack {

	private final Comparison comparison;
	private final Layout layout;
	private final IntensityWindow window;

	/** Where the tiles of a page lie: columns CT, truth (given one), methods; a second row for errors. */
	public static final class Layout {

		public final int tileWidth;
		public final int tileHeight;
		public final int caption;
		public final int gap;
		public final int columns;
		public final int rows;
		final int fontSize;

		Layout(final Comparison comparison) {
			tileWidth = comparison.ct.getWidth();
			tileHeight = comparison.ct.getHeight();
			fontSize = Captions.fontSize(tileWidth);
			caption = Captions.stripHeight(fontSize);
			gap = Math.max(2, tileWidth / 128);
			columns = 1 + (comparison.hasTruth() ? 1 : 0) + comparison.methods.size();
			rows = comparison.hasTruth() ? 2 : 1;
		}

		public int pageWidth() {
			return columns * tileWidth + (columns - 1) * gap;
		}

		public int pageHeight() {
			return rows * (caption + tileHeight) + (rows - 1) * gap;
		}

		/** The left edge of a column's tiles. */
		public int x(final int column) {
			return column * (tileWidth + gap);
		}

		/** The top edge of a row's caption strip; its image starts {@link #caption} pixels lower. */
		public int y(final int row) {
			return row * (caption + tileHeight + gap);
		}

		/** The column of method {@code m} (0-based). */
		public int methodColumn(final int m) {
			return (rows == 2 ? 2 : 1) + m;
		}
	}

	private ComparisonMontage(final Comparison comparison, final Layout layout) {
		super(layout.pageWidth(), layout.pageHeight(), comparison.slices());
		this.comparison = comparison;
		this.layout = layout;
		this.window = HounsfieldWindow.DEFAULT.on(comparison.ct);
		setBitDepth(24);
	}

	/** The montage as an RGB image titled {@code <ct title>-compare}, one page per slice, named after it. */
	public static ImagePlus of(final Comparison comparison) {
		return new ImagePlus(comparison.ct.getTitle() + "-compare", new ComparisonMontage(comparison, new Layout(
			comparison)));
	}

	/** The layout of the montage's pages. */
	public static Layout layout(final Comparison comparison) {
		return new Layout(comparison);
	}

	@Override
	public int getSize() {
		return comparison.slices();
	}

	@Override
	public int size() {
		return getSize();
	}

	@Override
	public String getSliceLabel(final int n) {
		return comparison.sliceName(n - 1);
	}

	@Override
	public Object getPixels(final int n) {
		return getProcessor(n).getPixels();
	}

	@Override
	public ImageProcessor getProcessor(final int n) {
		return page(n - 1);
	}

	/** Draws the page of a slice (0-based). */
	public ColorProcessor page(final int slice) {
		final ColorProcessor page = new ColorProcessor(layout.pageWidth(), layout.pageHeight());
		final byte[] grey = window.toBytes(comparison.ct.getStack().getProcessor(slice + 1));
		tile(page, 0, 0, LabelOverlays.grey(grey), text("CT  "), quiet(comparison.sliceName(slice)));
		if (!comparison.hasTruth()) {
			for (int m = 0; m < comparison.methods.size(); m++)
				methodTile(page, m, slice, grey, null, null);
			return page;
		}
		final int[] truth = Stacks.labelValues(comparison.truth.getStack().getProcessor(slice + 1));
		final int[] truthColours = LabelColouring.colour(truth, layout.tileWidth, layout.tileHeight);
		tile(page, 1, 0, LabelOverlays.labels(grey, truth, truthColours, layout.tileWidth, layout.tileHeight), text(
			"truth  "), quiet(structures(truthColours) + " structures"));
		legend(page);
		for (int m = 0; m < comparison.methods.size(); m++) {
			methodTile(page, m, slice, grey, truth, truthColours);
			errorTile(page, m, slice, grey, truth);
		}
		return page;
	}

	/** A method's labels over the CT; given a truth, coloured after it and captioned with the ARI. */
	private void methodTile(final ColorProcessor page, final int m, final int slice, final byte[] grey,
		final int[] truth, final int[] truthColours)
	{
		final MethodResult method = comparison.methods.get(m);
		final int[] labels = Stacks.labelValues(method.labels.getStack().getProcessor(slice + 1));
		final int[] preferred = truth == null ? null : Overlaps.of(truth, labels).preferredColours(truthColours);
		final int[] colours = LabelColouring.colour(labels, layout.tileWidth, layout.tileHeight, preferred);
		final int[] rgb = LabelOverlays.labels(grey, labels, colours, layout.tileWidth, layout.tileHeight);
		final Captions.Run count = quiet("  " + method.structures[slice] + " structures");
		if (truth == null) tile(page, layout.methodColumn(m), 0, rgb, text(method.name), count);
		else tile(page, layout.methodColumn(m), 0, rgb, text(method.name + "  "), quiet("ARI "), text(String.format(
			Locale.ROOT, "%.4f", method.scores[slice].adjusted)), count);
	}

	/** Where a method merges and splits the truth's structures, captioned with the share of each. */
	private void errorTile(final ColorProcessor page, final int m, final int slice, final byte[] grey,
		final int[] truth)
	{
		final MethodResult method = comparison.methods.get(m);
		final int[] labels = Stacks.labelValues(method.labels.getStack().getProcessor(slice + 1));
		final byte[] classes = SegmentationErrors.classify(truth, labels);
		final long[] counts = SegmentationErrors.count(classes);
		final double scored = Math.max(1, counts[SegmentationErrors.CORRECT] +
			counts[SegmentationErrors.MERGED] + counts[SegmentationErrors.SPLIT]);
		tile(page, layout.methodColumn(m), 1, LabelOverlays.errors(grey, truth, classes, layout.tileWidth,
			layout.tileHeight), text(method.name + "  "), Captions.run(percent("merged",
				counts[SegmentationErrors.MERGED] / scored), LabelOverlays.MERGED_COLOUR), quiet("  "), Captions.run(
					percent("split", counts[SegmentationErrors.SPLIT] / scored), LabelOverlays.SPLIT_COLOUR));
	}

	private void tile(final ColorProcessor page, final int column, final int row, final int[] rgb,
		final Captions.Run... caption)
	{
		final int x = layout.x(column);
		final int y = layout.y(row);
		Captions.strip(page, x, y, layout.tileWidth, layout.caption, layout.fontSize, caption);
		page.insert(new ColorProcessor(layout.tileWidth, layout.tileHeight, rgb), x, y + layout.caption);
	}

	/** The legend of the error row, under the CT and truth columns. */
	private void legend(final ColorProcessor page) {
		final int y = layout.y(1);
		final int width = layout.x(2) - layout.gap;
		Captions.strip(page, 0, y, width, layout.caption, layout.fontSize, text("Where each method fails "), quiet(
			"(below it)"));
		// The legend has two tiles' width to itself, so it can be larger than the captions.
		Captions.paragraph(page, 0, y + layout.caption, width, layout.tileHeight, Math.round(layout.fontSize * 1.25f),
			new Captions.Run[] { text("On each truth structure (outlined), its majority label"), quiet(" is the " +
				"predicted label covering most of it.") }, //
			new Captions.Run[] { Captions.run("merged", LabelOverlays.MERGED_COLOUR), text(": pixels in their " +
				"structure's majority label, which is also the majority label of another structure.") }, //
			new Captions.Run[] { Captions.run("split", LabelOverlays.SPLIT_COLOUR), text(": pixels not in their " +
				"structure's majority label.") }, //
			new Captions.Run[] { quiet("Percentages are of the truth pixels the metric scores. Top row: touching " +
				"structures never share a colour; a method's structure wears the colour of the truth structure it " +
				"matches.") });
	}

	private static int structures(final int[] colours) {
		int n = 0;
		for (final int c : colours)
			if (c != LabelColouring.NONE) n++;
		return n;
	}

	private static String percent(final String what, final double fraction) {
		return String.format(Locale.ROOT, "%s %.1f%%", what, 100 * fraction);
	}

	private static Captions.Run text(final String text) {
		return new Captions.Run(text, Captions.TEXT);
	}

	private static Captions.Run quiet(final String text) {
		return new Captions.Run(text, Captions.QUIET);
	}
}
