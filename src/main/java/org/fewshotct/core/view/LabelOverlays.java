package org.fewshotct.core.view;

import ij.ImagePlus;
import ij.ImageStack;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.Stacks;

/**
 * Label slices drawn over their CT as RGB: the CT windowed to grey, each structure filled with its
 * {@link LabelColouring} colour at {@link #FILL} opacity and outlined by a one-pixel inner boundary at
 * {@link #EDGE} opacity, background left clear. The outline keeps touching structures apart even where their
 * fills are faint; the fill keeps the anatomy underneath readable.
 */
public final class LabelOverlays {

	/** Opacity of a structure's fill. */
	public static final double FILL = 0.35;
	/** Opacity of a structure's one-pixel outline. */
	public static final double EDGE = 0.9;
	/** Error view: merged pixels (Okabe-Ito vermillion, told apart from blue by colour-blind readers too). */
	public static final int MERGED_COLOUR = 0xd55e00;
	/** Error view: split pixels (Okabe-Ito sky blue). */
	public static final int SPLIT_COLOUR = 0x56b4e9;
	/** Error view: opacity of merged and split pixels. */
	public static final double ERROR_FILL = 0.7;
	/** Error view: the truth structures' outlines, light grey. */
	public static final int TRUTH_OUTLINE = 0xffffff;
	public static final double TRUTH_OUTLINE_OPACITY = 0.45;

	private LabelOverlays() {}

	/**
	 * The labels as an RGB stack titled {@code <ct title>-overlay} over the CT windowed with
	 * {@link HounsfieldWindow#DEFAULT} through its calibration, parallel over slices.
	 */
	public static ImagePlus overlay(final ImagePlus ct, final ImagePlus labels, final int threads,
		final Progress progress)
	{
		Stacks.requireCt(ct, "CT");
		Stacks.requireLabels(labels, "label image");
		Stacks.requireSameShape(ct, "CT", labels, "label image");
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(ct);
		final ImageStack out = Stacks.emptyLike(ct, 24);
		final int width = ct.getWidth();
		final int height = ct.getHeight();
		SliceParallel.forEach(ct.getStackSize(), threads, progress, s -> {
			final int[] values = Stacks.labelValues(labels.getStack().getProcessor(s + 1));
			final byte[] grey = window.toBytes(ct.getStack().getProcessor(s + 1));
			final int[] colours = LabelColouring.colour(values, width, height);
			out.setPixels(labels(grey, values, colours, width, height), s + 1);
		});
		return new ImagePlus(ct.getTitle() + "-overlay", out);
	}

	/** The windowed CT slice alone, as RGB pixels. */
	public static int[] grey(final byte[] grey) {
		final int[] rgb = new int[grey.length];
		for (int i = 0; i < grey.length; i++) {
			final int g = grey[i] & 0xff;
			rgb[i] = g << 16 | g << 8 | g;
		}
		return rgb;
	}

	/** The labels over the windowed CT slice; {@code colours} are palette indices by label value. */
	public static int[] labels(final byte[] grey, final int[] labels, final int[] colours, final int width,
		final int height)
	{
		final int[] rgb = grey(grey);
		for (int i = 0; i < labels.length; i++) {
			final int colour = LabelColouring.rgb(colours, labels[i]);
			if (colour < 0) continue;
			rgb[i] = blend(rgb[i], colour, onBoundary(labels, width, height, i) ? EDGE : FILL);
		}
		return rgb;
	}

	/**
	 * A {@link SegmentationErrors} classification over the windowed CT slice: merged and split pixels in their
	 * colours, the truth structures outlined so the eye sees which structure an error belongs to.
	 */
	public static int[] errors(final byte[] grey, final int[] truth, final byte[] classes, final int width,
		final int height)
	{
		final int[] rgb = grey(grey);
		for (int i = 0; i < truth.length; i++) {
			if (truth[i] == 0) continue;
			if (classes[i] == SegmentationErrors.MERGED) rgb[i] = blend(rgb[i], MERGED_COLOUR, ERROR_FILL);
			else if (classes[i] == SegmentationErrors.SPLIT) rgb[i] = blend(rgb[i], SPLIT_COLOUR, ERROR_FILL);
			if (onBoundary(truth, width, height, i)) rgb[i] = blend(rgb[i], TRUTH_OUTLINE, TRUTH_OUTLINE_OPACITY);
		}
		return rgb;
	}

	/** A labelled pixel with a 4-neighbour of another label (the image border does not count). */
	static boolean onBoundary(final int[] labels, final int width, final int height, final int i) {
		final int label = labels[i];
		final int x = i % width;
		final int y = i / width;
		return x > 0 && labels[i - 1] != label || x < width - 1 && labels[i + 1] != label || y > 0 &&
			labels[i - width] != label || y < height - 1 && labels[i + width] != label;
	}

	/** {@code over} laid on {@code under} (both 0xRRGGBB) at the given opacity. */
	static int blend(final int under, final int over, final double opacity) {
		int out = 0;
		for (int shift = 16; shift >= 0; shift -= 8) {
			final double a = under >> shift & 0xff;
			final double b = over >> shift & 0xff;
			out |= (int) Math.round(a + (b - a) * opacity) << shift;
		}
		return out;
	}
}
