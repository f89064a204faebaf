package org.fewshotct.core.unet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import java.io.IOException;
import java.util.Map;

import org.fewshotct.core.Progress;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.testing.HounsfieldEncodings;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Unlabelled slices are learned in the labelled CT's stored values, whatever their own encoding: a user's raw
 * slices of other patients often come from another hospital's DICOM (signed, another rescale) or as PNGs.
 */
public class UnlabelledSlicesTest {

	private static final int SIZE = 48;

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	/** Phantom CT as the challenge's PNGs store it: uncalibrated 16-bit, HU + 1024. */
	private final ImagePlus png = new PhantomGenerator(new PhantomSettings(2, 3, SIZE)).stacks(2, Progress.NONE).ct();

	@Test
	public void everyEncodingTeachesTheValuesOfTheSameHounsfieldUnits() throws IOException {
		final float[][] expected = values(UnlabelledSlices.of(png, png));
		HounsfieldEncodings.of(png, temp.getRoot()).forEach((name, encoded) -> assertArrayEquals(name, expected, values(
			UnlabelledSlices.of(encoded, png))));
	}

	@Test
	public void theyAreStoredAsTheLabelledCtStoresHounsfieldUnits() throws IOException {
		final Map<String, ImagePlus> encodings = HounsfieldEncodings.of(png, temp.getRoot());
		final float[][] pngValues = values(UnlabelledSlices.of(png, png));
		// Open CT Slices stores signed DICOM as value + 32768, calibrated back to HU, as ImageJ does.
		final float[][] asSigned = values(UnlabelledSlices.of(png, encodings.get("signed DICOM")));
		for (int s = 0; s < pngValues.length; s++)
			for (int i = 0; i < pngValues[s].length; i++)
				assertEquals(pngValues[s][i] - 1024 + 32768, asSigned[s][i], 0);
	}

	@Test
	public void eightBitSlicesTeachTheirHounsfieldUnitsToTheirPrecision() {
		final float[][] expected = values(UnlabelledSlices.of(png, png));
		// As the challenge's 8-bit slices: [-1000, 1000] HU onto 0..255.
		final ImagePlus eightBit = HounsfieldEncodings.converted(png, hu -> {
			final ByteProcessor slice = new ByteProcessor(SIZE, SIZE);
			for (int i = 0; i < hu.length; i++)
				slice.set(i, (int) Math.round((Math.max(-1000, Math.min(1000, hu[i])) + 1000) * 255 / 2000));
			return slice;
		}, null);
		final float[][] values = values(UnlabelledSlices.of(eightBit, png));
		final double step = 2000.0 / 255;
		for (int s = 0; s < expected.length; s++) {
			for (int i = 0; i < expected[s].length; i++) {
				final double hu = Math.max(-1000, Math.min(1000, expected[s][i] - 1024));
				assertEquals("slice " + s + ", pixel " + i, hu + 1024, values[s][i], step / 2 + 1e-3);
			}
		}
	}

	private static float[][] values(final UnlabelledSlices slices) {
		final float[][] values = new float[slices.size()][];
		for (int s = 0; s < values.length; s++)
			values[s] = (float[]) slices.values.getPixels(s + 1);
		return values;
	}
}
