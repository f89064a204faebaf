package org.fewshotct.core.filter;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class LocalMomentsTest {

	@Test
	public void checkerboardMomentsInAThreeByThreeWindow() {
		final int w = 8;
		final float[] plane = new float[w * w];
		for (int i = 0; i < plane.length; i++)
			plane[i] = ((i % w) + (i / w)) % 2;
		final float[] mean = new float[plane.length];
		final float[] variance = new float[plane.length];
		LocalMoments.meanAndVariance(plane, w, w, 1, mean, variance);
		final int white = 3 * w + 4;
		final int black = 3 * w + 3;
		assertEquals(5 / 9.0, mean[white], 1e-6);
		assertEquals(4 / 9.0, mean[black], 1e-6);
		assertEquals(4 / 9.0 * 5 / 9.0, variance[white], 1e-6);
		assertEquals(4 / 9.0 * 5 / 9.0, variance[black], 1e-6);
	}
}
