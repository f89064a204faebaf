package org.fewshotct.core;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.core.weka.WekaModel;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;
import org.fewshotct.testing.HounsfieldEncodings;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The same Hounsfield units give the same labels whatever the encoding: PNG slices of HU + 1024, signed and
 * unsigned DICOM (opened by Open CT Slices and by ImageJ's own folder opener), DICOM with a rescale slope, 32-bit
 * HU and a calibrated 16-bit stack.
 */
public class HounsfieldEncodingsTest {

	@ClassRule
	public static TemporaryFolder temp = new TemporaryFolder();

	private static final int SIZE = 96;
	private static PhantomStacks phantoms;
	private static final Map<String, ImagePlus> ENCODINGS = new LinkedHashMap<>();

	@BeforeClass
	public static void encode() throws IOException {
		phantoms = new PhantomGenerator(new PhantomSettings(3, 5, SIZE)).stacks(2, Progress.NONE);
		ENCODINGS.putAll(HounsfieldEncodings.of(phantoms.ct(), temp.getRoot()));
	}

	@Test
	public void everyEncodingHoldsTheSameHounsfieldUnits() {
		ENCODINGS.forEach((name, image) -> {
			assertEquals(name, 3, image.getStackSize());
			final HounsfieldScale scale = HounsfieldScale.of(image);
			for (int s = 1; s <= 3; s++) {
				final double[] expected = HounsfieldEncodings.hu(phantoms.ct(), s);
				final ImageProcessor slice = image.getStack().getProcessor(s);
				for (int i = 0; i < expected.length; i++)
					assertEquals(name + ", slice " + s + ", pixel " + i, expected[i], scale.hu(slice.getf(i)), 0);
			}
		});
	}

	/** What every method reads (the U-Net's input, the Weka features' and the baseline's source). */
	@Test
	public void everyEncodingGivesTheSameWindowedIntensities() {
		for (final HounsfieldWindow window : new HounsfieldWindow[] { HounsfieldWindow.DEFAULT, new HounsfieldWindow(
			-160, 240) }) {
			final float[] expected = window.on(phantoms.ct()).toUnit(phantoms.ct().getStack().getProcessor(2));
			ENCODINGS.forEach((name, image) -> assertArrayEquals(name + ", " + window, expected, window.on(image).toUnit(
				image.getStack().getProcessor(2)), 0));
		}
	}

	@Test
	public void theBaselineGivesTheSameLabelsWhateverTheEncoding() {
		final BaselineSegmenter baseline = new BaselineSegmenter(BaselineSettings.DEFAULT, 2);
		assertSameLabels(baseline.segment(phantoms.ct(), Progress.NONE), image -> baseline.segment(image,
			Progress.NONE));
	}

	@Test
	public void aWekaModelGivesTheSameLabelsWhateverTheEncoding() {
		final WekaModel model = new WekaTrainer(WekaSettings.DEFAULT.withTrees(8).withSamplesPerClass(300)
			.withBoundaryWidth(1).withThreads(2)).train(phantoms.ct(), phantoms.labels(), Progress.NONE);
		final WekaSegmenter weka = new WekaSegmenter(model, 2);
		assertSameLabels(weka.segment(phantoms.ct(), Progress.NONE), image -> weka.segment(image, Progress.NONE));
	}

	@Test
	public void refusesStacksThatCannotBeCt() {
		final ImageStack rgb = new ImageStack(4, 4);
		rgb.addSlice("a", new ColorProcessor(4, 4));
		assertRefused(() -> Stacks.requireCt(new ImagePlus("photo", rgb), "CT"), "The CT 'photo' is RGB colour");
		final ImageStack zeros = new ImageStack(4, 4);
		zeros.addSlice("a", new ShortProcessor(4, 4));
		zeros.addSlice("b", new ShortProcessor(4, 4));
		assertRefused(() -> Stacks.requireCt(new ImagePlus("empty", zeros), "CT"), "The CT 'empty' holds the value " +
			"0 in every pixel of every slice: it is not a CT");
		final ImagePlus flat = new ImagePlus("flat", new FloatProcessor(4, 4, new float[16]));
		assertRefused(() -> Stacks.requireCt(flat, "CT"), "The CT 'flat' holds the value 0 in every pixel");
		final ImagePlus curved = phantoms.ct().duplicate();
		curved.setTitle("curved");
		curved.getCalibration().setFunction(Calibration.POLY2, new double[] { 0, 1, 0.001 }, "HU");
		assertRefused(() -> Stacks.requireCt(curved, "CT"), "The CT 'curved' has a calibration that is not an " +
			"increasing straight line");
	}

	private interface Segment {

		ImagePlus apply(ImagePlus ct);
	}

	private static void assertSameLabels(final ImagePlus expected, final Segment method) {
		ENCODINGS.forEach((name, image) -> {
			final ImagePlus labels = method.apply(image);
			for (int s = 1; s <= 3; s++)
				assertArrayEquals(name + ", slice " + s, (short[]) expected.getStack().getPixels(s), (short[]) labels
					.getStack().getPixels(s));
		});
	}
}
