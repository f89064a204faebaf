package org.fewshotct.core.compare;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ImageProcessor;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.metric.RandIndex;
import org.fewshotct.core.metric.StackRandIndex;
import org.fewshotct.core.view.LabelColouring;
import org.fewshotct.core.view.LabelOverlays;
import org.fewshotct.core.view.SegmentationErrors;
import org.fewshotct.testing.BlockLabels;
import org.fewshotct.testing.CtStacks;
import org.fewshotct.testing.TruthSegmenter;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ComparisonTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private final ImagePlus truth = BlockLabels.truth(3);
	private final ImagePlus ct = CtStacks.under(truth, 5);
	private final List<StackSegmenter> methods = Arrays.asList(new TruthSegmenter("same", truth, l -> l),
		TruthSegmenter.merging(truth, 1, 2));

	@Test
	public void theReadingNamesTheWinnerTheMarginAndWhereEachFails() {
		final Comparison comparison = Comparison.run(ct, truth, Arrays.asList(TruthSegmenter.merging(truth, 1, 2),
			new TruthSegmenter("same", truth, l -> l)), 2, Progress.NONE);
		final String reading = ComparisonReading.of(comparison);
		final double merged = ComparisonTable.summarise(comparison.methods.get(0).adjusted(), ComparisonTable.MEAN);
		assertTrue(reading, reading.startsWith(String.format(java.util.Locale.ROOT,
			"same wins with a mean ARI of 1.000, against merged %.3f (%+.3f).", merged, merged - 1)));
		assertTrue(reading, reading.contains("same merges 0 %, splits 0 %"));
		assertTrue(reading, reading.matches(".*merged merges [1-9][0-9]* %, splits 0 %.*"));
	}

	@Test
	public void scoresEachMethodWithTheRandIndex() {
		final Comparison comparison = Comparison.run(ct, truth, methods, 2, Progress.NONE);
		assertEquals(2, comparison.methods.size());
		final MethodResult same = comparison.methods.get(0);
		final MethodResult merged = comparison.methods.get(1);
		assertEquals("ct-same", same.labels.getTitle());
		assertEquals("s2", merged.labels.getStack().getSliceLabel(3));
		final RandIndex.Score[] expected = StackRandIndex.score(truth, merged.labels, 1, Progress.NONE);
		for (int s = 0; s < 3; s++) {
			assertEquals(1.0, same.scores[s].adjusted, 0);
			assertEquals(expected[s].adjusted, merged.scores[s].adjusted, 0);
			assertTrue(merged.scores[s].adjusted < 0.9);
			final int[] labels = Stacks.labelValues(merged.labels.getStack().getProcessor(s + 1));
			final int[] truthLabels = Stacks.labelValues(truth.getStack().getProcessor(s + 1));
			for (int i = 0; i < labels.length; i++)
				assertEquals(truthLabels[i] == 1 ? 2 : truthLabels[i], labels[i]);
		}
	}

	@Test
	public void tableHasARowPerSliceThenMeanMedianWorst() {
		final Comparison comparison = Comparison.run(ct, truth, methods, 2, Progress.NONE);
		final ResultsTable table = ComparisonTable.of(comparison);
		assertEquals(6, table.size());
		assertEquals("Slice,truth structures,same ARI,merged ARI,same structures,merged structures,same s/slice," +
			"merged s/slice", String.join(",", table.getHeadings()));
		assertEquals(4, table.getValue(ComparisonTable.TRUTH_STRUCTURES, 1), 0);
		assertEquals("s0", table.getStringValue(ComparisonTable.SLICE, 0));
		assertEquals("worst", table.getStringValue(ComparisonTable.SLICE, 5));
		final double[] ari = comparison.methods.get(1).adjusted();
		for (int s = 0; s < 3; s++)
			assertEquals(ari[s], table.getValue("merged ARI", s), 0);
		final double[] sorted = ari.clone();
		Arrays.sort(sorted);
		assertEquals(StackRandIndex.meanAdjusted(comparison.methods.get(1).scores), table.getValue("merged ARI", 3),
			1e-15);
		assertEquals(sorted[1], table.getValue("merged ARI", 4), 0);
		assertEquals(sorted[0], table.getValue("merged ARI", 5), 0);
		assertEquals(comparison.methods.get(0).secondsPerSlice, table.getValue("same s/slice", 3), 0);
		assertTrue(comparison.methods.get(0).secondsPerSlice > 0);
		assertEquals("", table.getStringValue("same s/slice", 0));
		assertEquals(4, table.getValue("same structures", 0), 0);
		assertEquals(3, table.getValue("merged structures", 2), 0);
	}

	@Test
	public void medianOfAnEvenCountIsTheMiddlePairsMean() {
		assertEquals(2.5, ComparisonTable.summarise(new double[] { 4, 1, 3, 2 }, ComparisonTable.MEDIAN), 0);
	}

	@Test
	public void refusesATruthWithAnotherSliceCountBeforeRunningAnything() {
		final TruthSegmenter watched = new TruthSegmenter("watched", truth, l -> {
			throw new AssertionError("ran before the inputs were checked");
		});
		try {
			Comparison.run(ct, BlockLabels.truth(2), Collections.singletonList(watched), 1, Progress.NONE);
			fail();
		}
		catch (final UserInputException e) {
			assertEquals("The CT 'ct' has 3 slices but the truth 'truth' has 2", e.getMessage());
		}
	}

	@Test
	public void aMethodRefusingTheCtFailsBeforeAnyWholeStackRun() {
		final java.util.concurrent.atomic.AtomicInteger wholeStackRuns = new java.util.concurrent.atomic.AtomicInteger();
		final StackSegmenter counted = new TruthSegmenter("counted", truth, l -> l) {

			@Override
			public ImagePlus segment(final ImagePlus image, final Progress progress) {
				if (image.getStackSize() > 1) wholeStackRuns.incrementAndGet();
				return super.segment(image, progress);
			}
		};
		final StackSegmenter refusing = new TruthSegmenter("refusing", truth, l -> l) {

			@Override
			public ImagePlus segment(final ImagePlus image, final Progress progress) {
				throw new UserInputException("trained on other intensities");
			}
		};
		assertRefused(() -> Comparison.run(ct, truth, Arrays.asList(counted, refusing), 1, Progress.NONE),
			"trained on other intensities");
		assertEquals(0, wholeStackRuns.get());
	}

	@Test
	public void refusesNoMethodAndALabelImageAsCt() {
		assertRefused(() -> Comparison.run(ct, truth, Collections.emptyList(), 1, Progress.NONE), "No method to " +
			"compare");
		assertRefused(() -> Comparison.run(truth, null, methods, 1, Progress.NONE), "The CT 'truth' looks like a " +
			"label image");
	}

	@Test
	public void montageHasAPagePerSliceWithCtTruthMethodsAndErrorRows() {
		final Comparison comparison = Comparison.run(ct, truth, methods, 2, Progress.NONE);
		final ImagePlus montage = ComparisonMontage.of(comparison);
		final ComparisonMontage.Layout layout = ComparisonMontage.layout(comparison);
		assertEquals("ct-compare", montage.getTitle());
		assertEquals(3, montage.getStackSize());
		assertEquals(24, montage.getBitDepth());
		assertEquals(4, layout.columns);
		assertEquals(2, layout.rows);
		assertEquals(4 * 40 + 3 * layout.gap, montage.getWidth());
		assertEquals(2 * (layout.caption + 32) + layout.gap, montage.getHeight());
		assertEquals("s1", montage.getStack().getSliceLabel(2));
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(ct);
		for (int s = 0; s < 3; s++) {
			final ImageProcessor page = montage.getStack().getProcessor(s + 1);
			final byte[] grey = window.toBytes(ct.getStack().getProcessor(s + 1));
			final int[] t = Stacks.labelValues(truth.getStack().getProcessor(s + 1));
			final int[] merged = Stacks.labelValues(comparison.methods.get(1).labels.getStack().getProcessor(s + 1));
			final int[] truthTile = LabelOverlays.labels(grey, t, LabelColouring.colour(t, 40, 32), 40, 32);
			assertArrayEquals(LabelOverlays.grey(grey), tile(page, layout, 0, 0));
			assertArrayEquals(truthTile, tile(page, layout, 1, 0));
			assertArrayEquals("a perfect method looks exactly like the truth", truthTile, tile(page, layout, layout
				.methodColumn(0), 0));
			assertArrayEquals(LabelOverlays.errors(grey, t, SegmentationErrors.classify(t, merged), 40, 32), tile(page,
				layout, layout.methodColumn(1), 1));
		}
	}

	@Test
	public void withoutTruthTheMontageHasOneRowOfCtAndMethods() {
		final Comparison comparison = Comparison.run(ct, null, methods, 2, Progress.NONE);
		final ComparisonMontage.Layout layout = ComparisonMontage.layout(comparison);
		assertEquals(3, layout.columns);
		assertEquals(1, layout.rows);
		assertEquals(1, layout.methodColumn(0));
		final ImagePlus montage = ComparisonMontage.of(comparison);
		assertEquals(layout.caption + 32, montage.getHeight());
		final ResultsTable table = ComparisonTable.of(comparison);
		assertEquals("Slice,same structures,merged structures,same s/slice,merged s/slice", String.join(",", table
			.getHeadings()));
		assertEquals("only the time bars", ComparisonPlot.BARS_WIDTH, ComparisonPlot.of(comparison).getWidth());
	}

	@Test
	public void reportWritesPagesTablePlotAndAnHtmlPageShowingThem() throws Exception {
		final Comparison comparison = Comparison.run(ct, truth, methods, 2, Progress.NONE);
		final File folder = new File(temp.getRoot(), "report");
		final ImagePlus montage = ComparisonMontage.of(comparison);
		final ImagePlus plot = ComparisonPlot.of(comparison);
		assertEquals("ct-plot", plot.getTitle());
		assertEquals(ComparisonPlot.LINES_WIDTH + 2 * ComparisonPlot.BARS_WIDTH, plot.getWidth());
		ComparisonReport.check(folder, Collections.singletonList(ct));
		ComparisonReport.write(folder, comparison, montage, ComparisonTable.of(comparison), plot, 2, Progress.NONE);
		final String html = new String(Files.readAllBytes(new File(folder, ComparisonReport.HTML).toPath()),
			StandardCharsets.UTF_8);
		final List<String> csv = Files.readAllLines(new File(folder, ComparisonReport.CSV).toPath());
		assertEquals(3 + 3 + 1, csv.size());
		assertTrue(csv.get(1), csv.get(1).startsWith("s0,4,1.000000,"));
		assertTrue(csv.get(6), csv.get(6).startsWith("worst,\"\",1.000000,"));
		for (final String file : new String[] { ComparisonReport.CSV, ComparisonReport.PLOT, "montage/slice-001.png",
			"montage/slice-002.png", "montage/slice-003.png" })
		{
			assertTrue(file, new File(folder, file).isFile());
			assertTrue(file, html.contains("\"" + file + "\""));
		}
		final ImagePlus page = new ij.io.Opener().openImage(new File(folder, "montage/slice-002.png").getPath());
		assertEquals(montage.getWidth(), page.getWidth());
		assertArrayEquals(rgb(montage.getStack().getProcessor(2)), rgb(page.getProcessor()));
		assertEquals("nothing but the report files", 4, folder.list().length);
	}

	@Test
	public void reportRefusesToWriteIntoTheFolderAnInputCameFrom() throws Exception {
		final File slices = temp.newFolder("slices");
		org.fewshotct.testing.TestStacks.savePngs(truth, slices);
		final ImagePlus opened = org.fewshotct.core.io.SliceFolderReader.read(slices, Progress.NONE);
		assertRefused(() -> ComparisonReport.check(slices, Collections.singletonList(opened)), "would overwrite the " +
			"input 'slices'");
		final File file = temp.newFile("a-file");
		assertRefused(() -> ComparisonReport.check(file, Collections.emptyList()), "is a file, not a folder");
	}

	private static int[] tile(final ImageProcessor page, final ComparisonMontage.Layout layout, final int column,
		final int row)
	{
		final ImageProcessor copy = page.duplicate();
		copy.setRoi(layout.x(column), layout.y(row) + layout.caption, layout.tileWidth, layout.tileHeight);
		return (int[]) copy.crop().getPixels();
	}

	/** The pixels without alpha, which a PNG round trip sets. */
	private static int[] rgb(final ImageProcessor image) {
		return Arrays.stream((int[]) image.getPixels()).map(p -> p & 0xffffff).toArray();
	}
}
