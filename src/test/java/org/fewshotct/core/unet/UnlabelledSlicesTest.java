package org.fewshotct.core.unet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.util.function.DoubleUnaryOperator;

import org.fewshotct.core.Progress;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.junit.Test;

/**
 * Unlabelled slices are learned in the labelled CT's stored values, whatever their own encoding: a user's raw
 * slices of other patients often come from another hospital's DICOM (signed, another rescale) or as PNGs.
 */
public class UnlabelledSlicesTest {

	private static final int SIZE = 48;

	/** Phantom CT as the challenge's PNGs store it: uncalibrated 16-bit, HU + 1024. */
	private final ImagePlus png = new PhantomGenerator(new PhantomSettings(2, 3, SIZE)).stacks(2, Progress.NONE).ct();

	@Test
	public void signedDicomAndThirtyTwoBitHuTeachTheValuesOfTheSameHounsfieldUnits() {
		final float[][] expected = values(UnlabelledSlices.of(png, png));
		assertArrayEquals(expected, values(UnlabelledSlices.of(signedDicom(png), png)));
		assertArrayEquals(expected, values(UnlabelledSlices.of(huFloats(png), png)));
	}

	@Test
	public void theyAreStoredAsTheLabelledCtStoresHounsfieldUnits() {
		final float[][] pngValues = values(UnlabelledSlices.of(png, png));
		final float[][] asSigned = values(UnlabelledSlices.of(png, signedDicom(png)));
		for (int s = 0; s < pngValues.length; s++)
			for (int i = 0; i < pngValues[s].length; i++)
				assertEquals(pngValues[s][i] - 1024 + 32768, asSigned[s][i], 0);
	}

	@Test
	public void eightBitSlicesTeachTheirHounsfieldUnitsToTheirPrecision() {
		final float[][] expected = values(UnlabelledSlices.of(png, png));
		final float[][] eightBit = values(UnlabelledSlices.of(windowedToEightBit(png), png));
		final double step = 2000.0 / 255;
		for (int s = 0; s < expected.length; s++) {
			for (int i = 0; i < expected[s].length; i++) {
				final double hu = Math.max(-1000, Math.min(1000, expected[s][i] - 1024));
				assertEquals("slice " + s + ", pixel " + i, hu + 1024, eightBit[s][i], step / 2 + 1e-3);
			}
		}
	}

	private static float[][] values(final UnlabelledSlices slices) {
		final float[][] values = new float[slices.size()][];
		for (int s = 0; s < values.length; s++)
			values[s] = (float[]) slices.values.getPixels(s + 1);
		return values;
	}

	/** As ImageJ's DICOM reader opens signed data: HU + 32768, with the straight line back to HU. */
	private static ImagePlus signedDicom(final ImagePlus png) {
		final ImagePlus signed = recoded(png, hu -> hu + 32768, ShortProcessor::new);
		final Calibration calibration = signed.getCalibration();
		calibration.setFunction(Calibration.STRAIGHT_LINE, new double[] { -32768, 1 }, "HU");
		return signed;
	}

	private static ImagePlus huFloats(final ImagePlus png) {
		return recoded(png, hu -> hu, FloatProcessor::new);
	}

	/** As the challenge's 8-bit slices: [-1000, 1000] HU onto 0..255. */
	private static ImagePlus windowedToEightBit(final ImagePlus png) {
		return recoded(png, hu -> Math.round((Math.max(-1000, Math.min(1000, hu)) + 1000) * 255 / 2000),
			ByteProcessor::new);
	}

	private interface Blank {

		ImageProcessor create(int width, int height);
	}

	/** Each slice's HU (PNG value - 1024) through {@code encode} into a new processor of {@code blank}'s type. */
	private static ImagePlus recoded(final ImagePlus png, final DoubleUnaryOperator encode, final Blank blank) {
		final ImageStack recoded = new ImageStack(SIZE, SIZE);
		for (int s = 1; s <= png.getStackSize(); s++) {
			final ImageProcessor source = png.getStack().getProcessor(s);
			final ImageProcessor target = blank.create(SIZE, SIZE);
			for (int i = 0; i < SIZE * SIZE; i++)
				target.setf(i, (float) encode.applyAsDouble(source.getf(i) - 1024));
			recoded.addSlice(png.getStack().getSliceLabel(s), target);
		}
		return new ImagePlus(png.getTitle() + " recoded", recoded);
	}
}
