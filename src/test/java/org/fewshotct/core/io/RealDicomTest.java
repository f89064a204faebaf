package org.fewshotct.core.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.fewshotct.testing.TestStacks.slices;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.plugin.FolderOpener;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.weka.WekaModel;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;
import org.fewshotct.testing.RealCt;
import org.junit.Test;

/**
 * ircadb1's original signed DICOM files, opened by Open CT Slices and by ImageJ's own folder opener, against
 * its PNG slices (clip(HU + 1024, 0, 4095)): the same HU inside the [-1000, 1000] HU window, and so the same
 * labels from the baseline and from a Weka model trained on a few PNG slices. Skips without the real data.
 */
public class RealDicomTest {

	/** Slices segmented by each method (0-based), spread from the pelvis to the liver dome. */
	private static final int[] SEGMENTED = { 3, 17, 30 };

	@Test
	public void dicomAndPngSlicesGiveTheSameHounsfieldUnitsAndLabels() {
		final ImagePlus png = SliceFolderReader.read(RealCt.folder("ircadb1/images"), Progress.NONE);
		final Map<String, ImagePlus> dicom = new LinkedHashMap<>();
		dicom.put("Open CT Slices", SliceFolderReader.read(RealCt.folder("ircadb1/dicom"), Progress.NONE));
		dicom.put("ImageJ's FolderOpener", FolderOpener.open(RealCt.folder("ircadb1/dicom").getPath()));
		final ImagePlus labels = SliceFolderReader.read(RealCt.folder("ircadb1/labels"), Progress.NONE);
		final ImagePlus trainingLabels = slices(labels, 8, 24);
		final WekaModel model = new WekaTrainer(WekaSettings.DEFAULT.withTrees(8).withSamplesPerClass(500)
			.withThreads(2)).train(png, trainingLabels, Progress.NONE);
		final WekaSegmenter weka = new WekaSegmenter(model, 2);
		final BaselineSegmenter baseline = new BaselineSegmenter(BaselineSettings.DEFAULT, 2);
		final ImagePlus pngPart = slices(png, SEGMENTED);
		final ImagePlus expectedWeka = weka.segment(pngPart, Progress.NONE);
		final ImagePlus expectedBaseline = baseline.segment(pngPart, Progress.NONE);
		assertTrue("the model finds structures", new ij.process.StackStatistics(expectedWeka).max >= 5);
		dicom.forEach((opener, image) -> {
			assertEquals(opener, png.getStackSize(), image.getStackSize());
			assertSameWindowedHu(opener, png, image);
			final ImagePlus part = slices(image, SEGMENTED);
			assertSameLabels(opener + ", Weka", expectedWeka, weka.segment(part, Progress.NONE));
			assertSameLabels(opener + ", baseline", expectedBaseline, baseline.segment(part, Progress.NONE));
		});
	}

	private static void assertSameWindowedHu(final String opener, final ImagePlus png, final ImagePlus dicom) {
		final HounsfieldScale pngScale = HounsfieldScale.of(png);
		final HounsfieldScale dicomScale = HounsfieldScale.of(dicom);
		final HounsfieldWindow window = HounsfieldWindow.DEFAULT;
		for (int s = 1; s <= png.getStackSize(); s++) {
			for (int i = 0; i < png.getWidth() * png.getHeight(); i++) {
				final double expected = clip(pngScale.hu(png.getStack().getProcessor(s).getf(i)), window);
				final double actual = clip(dicomScale.hu(dicom.getStack().getProcessor(s).getf(i)), window);
				if (expected != actual) assertEquals(opener + ": slice " + s + ", pixel " + i, expected, actual, 0);
			}
		}
	}

	private static double clip(final double hu, final HounsfieldWindow window) {
		return Math.max(window.min(), Math.min(window.max(), hu));
	}

	private static void assertSameLabels(final String what, final ImagePlus expected, final ImagePlus actual) {
		for (int s = 1; s <= expected.getStackSize(); s++)
			assertArrayEquals(what + ", slice " + s, (short[]) expected.getStack().getPixels(s), (short[]) actual
				.getStack().getPixels(s));
	}
}
