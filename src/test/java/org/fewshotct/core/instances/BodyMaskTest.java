package org.fewshotct.core.instances;

import static org.junit.Assert.assertEquals;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.junit.Test;

public class BodyMaskTest {

	/** '#' tissue (unit 0.5), '.' air (unit 0): a trunk with a lung inside, and a small table below. */
	private static final String[] SLICE = {
		"................",
		"................",
		"................",
		"....########....",
		"....##....##....",
		"....##....##....",
		"....########....",
		"................",
		"................",
		"................",
		".##.............",
		"................" };

	@Test
	public void theBodyIsTheLargeTissueWithItsHolesFilledGrownByTwoPixelsAndNotTheTable() {
		final int w = SLICE[0].length();
		final float[] unit = new float[w * SLICE.length];
		for (int y = 0; y < SLICE.length; y++)
			for (int x = 0; x < w; x++)
				unit[y * w + x] = SLICE[y].charAt(x) == '#' ? 0.5f : 0;
		final boolean[] body = BodyMask.of(unit, w, SLICE.length, 0.25f);
		for (int y = 0; y < SLICE.length; y++)
			for (int x = 0; x < w; x++)
				assertEquals(x + "," + y, y >= 1 && y <= 8 && x >= 2 && x <= 13, body[y * w + x]);
	}

	@Test
	public void airIsFiveHundredHuBelowWaterInEveryEncoding() {
		for (final int bitDepth : new int[] { 8, 16, 32 }) {
			final HounsfieldScale scale = HounsfieldScale.uncalibrated(bitDepth);
			assertEquals(bitDepth + "-bit", 0.25, BodyMask.airUnit(HounsfieldWindow.DEFAULT.on(scale), scale), 1e-6);
		}
	}
}
