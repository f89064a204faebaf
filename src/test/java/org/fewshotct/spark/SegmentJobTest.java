package org.fewshotct.spark;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.io.output.NullOutputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.fewshotct.core.Progress;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.io.ChallengeCsvWriter;
import org.fewshotct.core.io.FolderOutput;
import org.fewshotct.core.io.GrayPng;
import org.fewshotct.core.io.LabelSliceWriter;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.io.nifti.NiftiVolumes;
import org.fewshotct.core.metric.StackRandIndex;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.core.unet.UNetSegmenter;
import org.fewshotct.core.unet.UNetSettings;
import org.fewshotct.core.unet.UNetTrainer;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;
import org.fewshotct.testing.DicomWriter;
import org.fewshotct.testing.TestNifti;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Spark job in local mode (one shared local[2] context) on small phantom scans written as PNG slice
 * folders, a DICOM series and a NIfTI file: labels equal to the single-machine segmenters', the summary,
 * resuming, and failing scans.
 */
public class SegmentJobTest {

	private static final int SIZE = 96;
	/** Scans a and b are PNG slice folders, c a DICOM series, d a NIfTI file. */
	private static final String[] SCANS = { "a", "b", "c", "d" };
	private static final PrintStream QUIET = new PrintStream(NullOutputStream.INSTANCE);

	@ClassRule
	public static final TemporaryFolder temp = new TemporaryFolder();

	private static JavaSparkContext spark;
	private static File input;
	private static File truth;
	private static int run;

	@BeforeClass
	public static void scansAndSpark() throws IOException {
		input = temp.newFolder("scans");
		truth = temp.newFolder("truth");
		// 5 slices: an odd count, cut into blocks; the second scan's truth is a challenge CSV.
		final PhantomStacks a = phantoms(5, 11);
		writeSlices(a.ct(), new File(input, "a"));
		writeSlices(a.labels(), new File(truth, "a"));
		final PhantomStacks b = phantoms(4, 12);
		writeSlices(b.ct(), new File(input, "b"));
		ChallengeCsvWriter.write(b.labels(), new File(truth, "b.csv"), 1, Progress.NONE);
		writeDicomSeries(phantoms(3, 15).ct(), new File(input, "c"));
		final ImagePlus d = phantoms(3, 16).ct();
		TestNifti.volume(SIZE, SIZE, 3, (x, y, z) -> hu(d, x, y, z)).write(new File(input, "d.nii.gz"));
		final File broken = new File(input, "broken");
		assertTrue(broken.mkdir());
		Files.write(new File(broken, "000.png").toPath(), "not a PNG".getBytes(StandardCharsets.UTF_8));
		Files.write(new File(input, "notes.txt").toPath(), "not a scan".getBytes(StandardCharsets.UTF_8));
		spark = new JavaSparkContext(SparkSegment.conf("local[2]"));
		spark.setLogLevel("ERROR");
	}

	@AfterClass
	public static void stopSpark() {
		if (spark != null) spark.close();
	}

	@Test
	public void baselineLabelsEqualTheCommandsAndTheSummaryScoresThem() throws IOException {
		final File output = output();
		final SegmentJob.Outcome outcome = run("baseline", output, "--truth", truth.getPath(), "--partitions", "7");
		assertEquals(Arrays.asList("a", "b", "broken", "c", "d"), scans(outcome.rows));
		final BaselineSegmenter command = new BaselineSegmenter(BaselineSettings.DEFAULT, 2);
		for (final String scan : SCANS) {
			final ImagePlus expected = assertLabelsOf(command, scan, output);
			final ImagePlus truthStack = scan.equals("a") ? SliceFolderReader.read(new File(truth, "a"), Progress.NONE)
				: null;
			if (truthStack != null) assertEquals(StackRandIndex.meanAdjusted(StackRandIndex.score(truthStack, expected, 1,
				Progress.NONE)), row(outcome, "a").meanAri, 1e-6);
		}
		assertEquals(5, row(outcome, "a").slices);
		assertEquals(4, row(outcome, "b").slices);
		assertTrue(row(outcome, "b").meanAri > 0);
		assertNull(row(outcome, "b").error);
		final ScanSummary broken = row(outcome, "broken");
		assertTrue(broken.failed());
		assertTrue(broken.error, broken.error.contains("broken" + File.separator + "000.png"));
		assertEquals(1, outcome.failures());
		final List<String> summary = Files.readAllLines(new File(output, "summary.csv").toPath());
		assertEquals(ScanSummary.HEADER, summary.get(0));
		assertEquals(6, summary.size());
		assertTrue(summary.get(3), summary.get(3).startsWith("broken,0,"));
	}

	@Test
	public void aRerunSkipsFinishedScansAndRetriesFailedOnes() throws IOException {
		final File output = output();
		run("baseline", output);
		final File csv = new File(output, "a/labels.csv");
		assertTrue(csv.setLastModified(1000000000000L));
		final SegmentJob.Outcome again = run("baseline", output);
		assertEquals(Arrays.asList(SCANS), again.skipped);
		assertEquals(1000000000000L, csv.lastModified());
		assertEquals(5, row(again, "a").slices);
		assertTrue(row(again, "broken").failed());
	}

	@Test
	public void aSliceThatCannotBeWrittenFailsItsScanAndTheOthersFinish() throws IOException {
		final File output = output();
		// A folder where a label PNG should go: moving the finished file into place fails.
		final File blocked = new File(output, "b/labels/phantom-002.png/x");
		assertTrue(blocked.mkdirs());
		final SegmentJob.Outcome outcome = run("baseline", output);
		assertTrue(row(outcome, "b").failed());
		assertTrue(row(outcome, "b").error, row(outcome, "b").error.contains("phantom-002.png"));
		assertTrue(new File(output, "b/labels/" + FolderOutput.MARKER).isFile());
		assertEquals(5, row(outcome, "a").slices);
		assertTrue(new File(output, "a/labels.csv").isFile());
		assertTrue(!new File(output, "a/labels/" + FolderOutput.MARKER).exists());
		assertTrue(!new File(output, "b/summary.csv").exists());
	}

	@Test
	public void allAirSlicesThatTheSegmenterRefusesAloneGetTheirScansLabels() throws IOException {
		final ImagePlus ct = phantoms(4, 17).ct();
		for (int s = 1; s <= 2; s++)
			ct.getStack().getProcessor(s).set(1024 - 1000);
		final File scans = temp.newFolder("air-scans");
		writeSlices(ct, new File(scans, "air"));
		final File output = output();
		final SegmentJob.Outcome outcome = SegmentJob.run(spark, SegmentArguments.parse("--model", "baseline",
			"--input", scans.getPath(), "--output", output.getPath(), "--partitions", "2"), QUIET);
		assertNull(row(outcome, "air").error);
		final ImagePlus expected = new BaselineSegmenter(BaselineSettings.DEFAULT, 2).segment(ct, Progress.NONE);
		for (int s = 1; s <= 4; s++)
			assertArrayEquals((short[]) expected.getStack().getPixels(s), (short[]) GrayPng.read(new File(output,
				"air/labels/" + Stacks.sliceName(ct.getStack(), s) + ".png")).getPixels());
	}

	@Test
	public void wekaLabelsEqualTheCommands() throws IOException {
		final PhantomStacks training = phantoms(2, 13);
		final File model = new File(temp.getRoot(), "tiny.weka");
		new WekaTrainer(WekaSettings.DEFAULT.withTrees(8).withSamplesPerClass(300).withBoundaryWidth(1)).train(training
			.ct(), training.labels(), Progress.NONE).save(model);
		final File output = output();
		run(model.getPath(), output, "--partitions", "4");
		for (final String scan : SCANS)
			assertLabelsOf(WekaSegmenter.load(model), scan, output);
	}

	@Test
	public void unetLabelsEqualTheCommands() throws IOException {
		final PhantomStacks training = phantoms(3, 14);
		final File model = new File(temp.getRoot(), "tiny.unet");
		new UNetTrainer(UNetSettings.DEFAULT.withDepth(3).withTile(64).withBatch(4).withValidation(0.34).withEpochs(2))
			.withThreads(2).train(training.ct(), training.labels(), model, Progress.NONE, UNetTrainer.Listener.NONE);
		final File output = output();
		run(model.getPath(), output, "--partitions", "5");
		try (UNetSegmenter command = UNetSegmenter.load(model)) {
			for (final String scan : SCANS)
				assertLabelsOf(command, scan, output);
		}
	}

	/**
	 * The command's labels for the scan (read as Open CT Slices or Open CT Volume reads it), asserted equal to
	 * the job's label PNGs and CSV.
	 */
	private static ImagePlus assertLabelsOf(final StackSegmenter command, final String scan, final File output)
		throws IOException
	{
		final ImagePlus ct = scan.equals("d") ? NiftiVolumes.openCt(new File(input, "d.nii.gz"), Progress.NONE)
			: SliceFolderReader.read(new File(input, scan), Progress.NONE);
		final ImagePlus expected = command.segment(ct, Progress.NONE);
		final ImageStack stack = expected.getStack();
		final String[] files = LabelSliceWriter.fileNames(stack);
		for (int s = 1; s <= stack.getSize(); s++) {
			final File png = new File(output, scan + "/labels/" + files[s - 1]);
			assertArrayEquals(png.getPath(), (short[]) stack.getPixels(s), (short[]) GrayPng.read(png).getPixels());
		}
		final File csv = new File(temp.getRoot(), "expected-" + run + "-" + scan + ".csv");
		ChallengeCsvWriter.write(expected, csv, 1, Progress.NONE);
		assertArrayEquals(Files.readAllBytes(csv.toPath()), Files.readAllBytes(new File(output, scan + "/labels.csv")
			.toPath()));
		return expected;
	}

	private static SegmentJob.Outcome run(final String model, final File output, final String... more)
		throws IOException
	{
		final String[] args = Arrays.copyOf(new String[] { "--model", model, "--input", input.getPath(), "--output",
			output.getPath() }, 6 + more.length);
		System.arraycopy(more, 0, args, 6, more.length);
		return SegmentJob.run(spark, SegmentArguments.parse(args), QUIET);
	}

	private static File output() {
		return new File(temp.getRoot(), "out-" + ++run);
	}

	private static ScanSummary row(final SegmentJob.Outcome outcome, final String scan) {
		for (final ScanSummary row : outcome.rows)
			if (row.scan.equals(scan)) return row;
		throw new AssertionError("no row for " + scan + " in " + scans(outcome.rows));
	}

	private static List<String> scans(final List<ScanSummary> rows) {
		final String[] names = new String[rows.size()];
		for (int i = 0; i < names.length; i++)
			names[i] = rows.get(i).scan;
		return Arrays.asList(names);
	}

	private static PhantomStacks phantoms(final int slices, final long seed) {
		return new PhantomGenerator(new PhantomSettings(slices, seed, SIZE)).stacks(2, Progress.NONE);
	}

	/** The HU of a 16-bit phantom (HU + 1024) at a pixel. */
	private static double hu(final ImagePlus ct, final int x, final int y, final int z) {
		return ct.getStack().getProcessor(z + 1).get(x, y) - 1024;
	}

	private static void writeDicomSeries(final ImagePlus ct, final File folder) throws IOException {
		assertTrue(folder.mkdirs());
		final double[] slice = new double[SIZE * SIZE];
		for (int z = 0; z < ct.getStackSize(); z++) {
			for (int i = 0; i < slice.length; i++)
				slice[i] = hu(ct, i % SIZE, i / SIZE, z);
			DicomWriter.signedHu().position(0, 0, 2.5 * z).write(new File(folder, String.format("IM%04d", z + 1)), SIZE,
				SIZE, slice);
		}
	}

	private static void writeSlices(final ImagePlus stack, final File folder) throws IOException {
		assertTrue(folder.mkdirs());
		for (int s = 1; s <= stack.getStackSize(); s++)
			GrayPng.write(stack.getStack().getProcessor(s), new File(folder, Stacks.sliceName(stack.getStack(), s) +
				".png"));
	}
}
