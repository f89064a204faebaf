package org.fewshotct.core.filter;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;

import org.junit.Test;

public class LineFiltersTest {

	private static float[][] project(final float[] plane, final int w, final int h) {
		final float[][] out = new float[LineFilters.PROJECTIONS.length][w * h];
		LineFilters.project(plane, w, h, 19, 12, out);
		return out;
	}

	@Test
	public void aConstantGivesTheConstantWithoutSpread() {
		final float[] plane = new float[30 * 20];
		Arrays.fill(plane, 0.5f);
		final float[][] out = project(plane, 30, 20);
		for (int p : new int[] { 0, 2, 3, 4 })
			for (final float v : out[p])
				assertEquals(LineFilters.PROJECTIONS[p], 0.5, v, 1e-5);
		for (final float v : out[1])
			assertEquals(0, v, 1e-3);
	}

	@Test
	public void aThinWallAnswersAlongItsOwnOrientationOnly() {
		final int w = 41;
		final float[] plane = new float[w * w];
		for (int x = 0; x < w; x++)
			plane[20 * w + x] = 1;
		final float[][] out = project(plane, w, w);
		final int onWall = 20 * w + 20;
		assertEquals("max: the horizontal line lies on the wall", 1, out[3][onWall], 1e-5);
		assertEquals("min: any other line crosses it once", 1 / 19f, out[4][onWall], 1e-5);
		assertTrue(out[1][onWall] > 0.2);
		final int offWall = 25 * w + 20;
		assertEquals(0, out[3][offWall], 0.1);
		assertTrue(out[0][onWall] > 3 * out[0][offWall]);
	}
}
