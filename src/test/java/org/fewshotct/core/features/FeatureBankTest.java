package org.fewshotct.core.features;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.fewshotct.core.UserInputException;
import org.fewshotct.core.filter.GaussianFilter;
import org.junit.Test;

public class FeatureBankTest {

	private static float[] ramp(final int w, final int h) {
		final float[] unit = new float[w * h];
		for (int i = 0; i < unit.length; i++)
			unit[i] = ((i % w) * 7 + (i / w) * 3) % 17 / 17f;
		return unit;
	}

	@Test
	public void namesMatchThePlanesOneToOne() {
		for (final Feature feature : Feature.values()) {
			final FeatureBank bank = new FeatureBank(new FeatureSettings(EnumSet.of(feature), 1, 4));
			final float[][] planes = bank.compute(ramp(20, 12), 20, 12);
			assertEquals(feature.key(), bank.size(), planes.length);
			for (final float[] plane : planes)
				assertEquals(240, plane.length);
			for (final String name : bank.names())
				assertTrue(name, name.startsWith(feature.key()));
		}
	}

	@Test
	public void sigmasDoubleFromMinimumToMaximum() {
		assertArrayEquals(new double[] { 1, 2, 4, 8, 16 }, FeatureSettings.DEFAULT.sigmas(), 0);
		final List<String> names = new FeatureSettings(EnumSet.of(Feature.GAUSSIAN, Feature.DOG), 2, 8).planeNames();
		assertEquals(Arrays.asList("gaussian_2", "gaussian_4", "gaussian_8", "dog_4_2", "dog_8_2", "dog_8_4"), names);
	}

	@Test
	public void planesAreTheFiltersTheyName() {
		final float[] unit = ramp(24, 24);
		final FeatureBank bank = new FeatureBank(FeatureSettings.parse("original, Gaussian,dog").withSigmas(1, 2));
		final float[][] planes = bank.compute(unit, 24, 24);
		final float[] blur1 = new float[unit.length];
		final float[] blur2 = new float[unit.length];
		GaussianFilter.blur(unit, blur1, 24, 24, 1);
		GaussianFilter.blur(unit, blur2, 24, 24, 2);
		assertArrayEquals(unit, planes[0], 0);
		assertArrayEquals(blur1, planes[1], 0);
		assertArrayEquals(blur2, planes[2], 0);
		for (int i = 0; i < unit.length; i++)
			assertEquals(blur2[i] - blur1[i], planes[3][i], 0);
	}

	@Test
	public void windowsClipToTheirHounsfieldRange() {
		final float[] unit = { 0f, 0.42f, 0.52f, 0.62f, 1f };
		final float[] soft = HounsfieldWindows.apply(unit, 0);
		assertArrayEquals(new float[] { 0, 0, 0.5f, 1, 1 }, soft, 1e-5f);
	}

	@Test
	public void settingsRoundTripThroughAMapAndRefuseUnknownNames() {
		final FeatureSettings settings = FeatureSettings.parse("hessian,membrane").withSigmas(0.5, 4);
		assertEquals(settings, FeatureSettings.fromMap(settings.toMap()));
		assertEquals("hessian,membrane", settings.names());
		try {
			FeatureSettings.parse("gaussian,sobel");
			fail();
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith("Unknown feature 'sobel'; known: original,gaussian"));
		}
	}
}
