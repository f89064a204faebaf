package org.fewshotct.core.filter;

/**
 * Per-pixel descriptors of the Hessian matrix [[xx, xy], [xy, yy]] of a smoothed plane: how strongly and in
 * which direction the intensity curves. Bright blobs have two negative eigenvalues, dark ones two positive,
 * thin ridges and valleys (the walls and gaps between organs) one large eigenvalue and one near zero.
 */
public final class Hessian {

	/** The descriptors {@link #describe} writes, in its order. */
	public static final String[] DESCRIPTORS = { "module", "trace", "determinant", "eigenvalue1", "eigenvalue2",
		"orientation", "anisotropy" };

	private Hessian() {}

	/**
	 * Writes the descriptors of the Hessian of {@code plane} into {@code out[0..6]}, in the order of
	 * {@link #DESCRIPTORS}: Frobenius norm, trace (the Laplacian), determinant, larger and smaller eigenvalue,
	 * orientation of the first eigenvector (radians, in (-pi/2, pi/2]) and squared eigenvalue difference.
	 */
	public static void describe(final float[] plane, final int width, final int height, final float[][] out) {
		// The second derivatives go into the first three outputs; each pixel reads its own before overwriting.
		final float[] xx = out[0];
		final float[] xy = out[1];
		final float[] yy = out[2];
		Derivatives.secondDerivatives(plane, width, height, xx, xy, yy);
		for (int i = 0; i < plane.length; i++) {
			final double a = xx[i];
			final double b = xy[i];
			final double d = yy[i];
			final double half = 0.5 * (a + d);
			final double squaredDifference = (a - d) * (a - d) + 4 * b * b;
			final double root = 0.5 * Math.sqrt(squaredDifference);
			out[0][i] = (float) Math.sqrt(a * a + 2 * b * b + d * d);
			out[1][i] = (float) (a + d);
			out[2][i] = (float) (a * d - b * b);
			out[3][i] = (float) (half + root);
			out[4][i] = (float) (half - root);
			out[5][i] = (float) (0.5 * Math.atan2(2 * b, a - d));
			out[6][i] = (float) squaredDifference;
		}
	}
}
