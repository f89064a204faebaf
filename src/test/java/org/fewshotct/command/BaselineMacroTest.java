package org.fewshotct.command;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;

import java.io.File;
import java.nio.file.Files;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.testing.ImageJBatch;
import org.fewshotct.testing.Refusals;
import org.fewshotct.testing.TestStacks;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The Sobel Watershed Baseline command as batch users run it: a macro through bin/imagej-batch. */
public class BaselineMacroTest {

	private static final String[] CROPS = { "phantom-abdomen", "phantom-edge", "phantom-pelvis-edge" };

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void segmentsAFolderOfSlicesFromAMacro() throws Exception {
		final File slices = temp.newFolder("slices");
		for (final String crop : CROPS)
			Files.copy(new File(getClass().getResource("/org/fewshotct/core/baseline/crop-" + crop + ".png").toURI())
				.toPath(), new File(slices, crop + ".png").toPath());
		final File saved = new File(temp.getRoot(), "labels");
		final ImageJBatch.Run run = ImageJBatch.run(
			"run('Open CT Slices', 'folder=[" + path(slices) + "]');\n" +
			"run('Sobel Watershed Baseline', 'ct=' + getTitle() + ' median_radius=2 gradient_radius=5 " +
			"marker_threshold=20 compactness=0.0001 window_min=-1000 window_max=1000');\n" +
			"print('labels ' + getTitle() + ' ' + nSlices + ' ' + bitDepth());\n" +
			"run('Save Label Slices', 'labels=' + getTitle() + ' folder=[" + path(saved) + "]');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("labels slices-baseline 3 16"));
		final ImagePlus ct = SliceFolderReader.read(slices, Progress.NONE);
		final ImagePlus expected = new BaselineSegmenter(BaselineSettings.DEFAULT, 1).segment(ct, Progress.NONE);
		final ImagePlus written = SliceFolderReader.read(saved, Progress.NONE);
		for (int s = 1; s <= 3; s++) {
			assertEquals(ct.getStack().getSliceLabel(s), written.getStack().getSliceLabel(s));
			assertArrayEquals((short[]) expected.getStack().getPixels(s), (short[]) written.getStack().getPixels(s));
		}
	}

	@Test
	public void refusesALabelImageAsCtWithItsTitle() throws Exception {
		final File labels = temp.newFolder("truth");
		TestStacks.savePngs(TestStacks.labels(32, 32, 2, 12, 5), labels);
		final ImageJBatch.Run run = ImageJBatch.run("run('Open CT Slices', 'folder=[" + path(labels) + "]');\n" +
			"run('Sobel Watershed Baseline', 'ct=' + getTitle());\nprint('after the failure');\n");
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.contains("The CT 'truth' looks like a label image, not a CT: its slice 1 " +
			"holds 13 distinct values"));
		assertFalse(run.stdout, run.stdout.contains("after the failure"));
		assertFalse("no stack trace for a user error", run.stderr.contains("\tat "));
	}

	@Test
	public void windowKeysAreHounsfieldUnits() {
		assertNull(BaselineCommand.window(Double.NaN, Double.NaN));
		assertEquals(new HounsfieldWindow(-200, 300), BaselineCommand.window(-200, 300));
		assertNull("the default window, as Fiji's dialog fills it in", BaselineCommand.window(-1000, 1000));
		try {
			BaselineCommand.window(-200, Double.NaN);
			fail("half a window accepted");
		}
		catch (final UserInputException e) {
			assertEquals("Sobel Watershed Baseline needs both window_min= and window_max=, or neither", e.getMessage());
		}
	}

	@Test
	public void aReversedWindowIsReportedAsTyped() {
		Refusals.assertRefused(() -> BaselineCommand.window(1000, -1000), "needs window_max= above window_min=, " +
			"got window_min=1000 window_max=-1000 (HU)");
		Refusals.assertRefused(() -> BaselineCommand.window(200.5, 10), "got window_min=200.5 window_max=10 (HU)");
	}
}
