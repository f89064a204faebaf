package org.fewshotct.command;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.fewshotct.core.Progress;
import org.fewshotct.core.io.ChallengeCsvReader;
import org.fewshotct.core.io.ChallengeCsvWriter;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.testing.ImageJBatch;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** macros/train-and-segment.ijm, the challenge workflow on a user's own folders, on the embedded test images. */
public class TrainAndSegmentMacroTest {

	private static final File TRAIN = new File("test-images/train");
	private static final File TEST = new File("test-images/test");

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void trainsOnMasksOfSomeSlicesAndWritesASubmission() throws Exception {
		// Masks for three of the six training slices, as a challenge CSV whose header names those slices.
		final ImageStack all = SliceFolderReader.read(new File(TRAIN, "labels"), Progress.NONE).getStack();
		final ImageStack some = new ImageStack(all.getWidth(), all.getHeight());
		for (final int s : new int[] { 2, 4, 6 })
			some.addSlice(all.getSliceLabel(s), all.getProcessor(s));
		final File masks = temp.newFile("y_train.csv");
		ChallengeCsvWriter.write(new ImagePlus("masks", some), masks, 1, Progress.NONE);
		final File output = new File(temp.getRoot(), "weka");

		final ImageJBatch.Run run = run("train=[" + path(new File(TRAIN, "images")) + "] labels=[" + path(masks) +
			"] test=[" + path(new File(TEST, "images")) + "] truth=[" + path(new File(TEST, "labels")) +
			"] method=weka output=[" + path(output) + "] options=[trees=8 samples=200]");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("Train Weka Few-Shot: "));
		assertTrue(run.stdout, run.stdout.contains("weka labels of 4 test slices"));
		assertTrue(new File(output, "weka.model").isFile());
		final ImagePlus submission = ChallengeCsvReader.read(new File(output, "labels.csv"), 0, 0, 1, Progress.NONE);
		final ImagePlus pngs = SliceFolderReader.read(new File(output, "labels"), Progress.NONE);
		final String[] testNames = new File(TEST, "images").list();
		java.util.Arrays.sort(testNames);
		assertEquals(testNames.length, submission.getStackSize());
		for (int s = 1; s <= testNames.length; s++) {
			assertEquals(testNames[s - 1], submission.getStack().getSliceLabel(s));
			assertArrayEquals((short[]) submission.getStack().getPixels(s), (short[]) pngs.getStack().getPixels(s));
		}
		final List<String> scores = Files.readAllLines(new File(output, "rand-index.csv").toPath(),
			StandardCharsets.UTF_8);
		assertEquals(testNames.length + 1, scores.size());
	}

	@Test
	public void wekaLearnsFromTheUnlabelledFolderToo() throws Exception {
		final File output = new File(temp.getRoot(), "self-trained");
		final ImageJBatch.Run run = run("train=[" + path(new File(TRAIN, "images")) + "] labels=[" + path(new File(TRAIN,
			"labels")) + "] test=[" + path(new File(TEST, "images")) + "] unlabelled=[" + path(new File(TEST,
				"images")) + "] method=weka output=[" + path(output) + "] options=[trees=4 samples=100]");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("labelled slices and 4 unlabelled slices"));
		assertEquals(4, new File(output, "labels").list().length);
	}

	@Test
	public void theBaselineNeedsNoTrainingAndABadMethodIsRefused() throws Exception {
		final File output = new File(temp.getRoot(), "baseline");
		final ImageJBatch.Run run = run("test=[" + path(new File(TEST, "images")) + "] method=baseline output=[" +
			path(output) + "]");
		assertEquals(run.toString(), 0, run.exitCode);
		assertEquals(4, new File(output, "labels").list().length);
		final ImageJBatch.Run bad = run("test=[" + path(new File(TEST, "images")) + "] method=magic output=[" + path(
			output) + "]");
		assertEquals(bad.toString(), 1, bad.exitCode);
		assertTrue(bad.stderr, bad.stderr.contains("method= must be weka, unet or baseline, got 'magic'"));
	}

	private static ImageJBatch.Run run(final String argument) throws IOException, InterruptedException {
		return ImageJBatch.run("runMacro('" + path(new File("macros/train-and-segment.ijm")) + "', '" + argument +
			"');\n");
	}
}
