package org.fewshotct.core.filter;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Derivatives and Hessian descriptors of polynomials, whose values are known exactly away from the borders. */
public class DerivativesTest {

	private static final int W = 16;

	private static float[] plane(final java.util.function.IntBinaryOperator f) {
		final float[] plane = new float[W * W];
		for (int y = 0; y < W; y++)
			for (int x = 0; x < W; x++)
				plane[y * W + x] = f.applyAsInt(x, y);
		return plane;
	}

	@Test
	public void gradientMagnitudeOfARamp() {
		final float[] out = new float[W * W];
		Derivatives.gradientMagnitude(plane((x, y) -> 3 * x + 4 * y), W, W, out);
		assertEquals(5, out[7 * W + 8], 1e-6);
	}

	@Test
	public void hessianOfAnEllipticParaboloid() {
		final float[][] out = new float[Hessian.DESCRIPTORS.length][W * W];
		Hessian.describe(plane((x, y) -> x * x + 3 * y * y + x * y), W, W, out);
		final int i = 7 * W + 8;
		// xx = 2, xy = 1, yy = 6: eigenvalues 4 +- sqrt(5)
		assertEquals(Math.sqrt(4 + 2 + 36), out[0][i], 1e-5);
		assertEquals(8, out[1][i], 1e-6);
		assertEquals(11, out[2][i], 1e-6);
		assertEquals(4 + Math.sqrt(5), out[3][i], 1e-5);
		assertEquals(4 - Math.sqrt(5), out[4][i], 1e-5);
		assertEquals(0.5 * Math.atan2(2, -4), out[5][i], 1e-6);
		assertEquals(20, out[6][i], 1e-5);
	}

	@Test
	public void bordersAreMirrored() {
		final float[] xx = new float[W * W];
		final float[] xy = new float[W * W];
		final float[] yy = new float[W * W];
		Derivatives.secondDerivatives(plane((x, y) -> x), W, W, xx, xy, yy);
		assertEquals("mirrored ramp folds at the left edge", 1, xx[3 * W], 0);
		assertEquals(0, xx[3 * W + 5], 0);
	}
}
