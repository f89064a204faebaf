package org.fewshotct.core.filter;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Gaussian smoothing of a 2D float image, separable, borders mirrored. The kernel is cut at 4 sigma (as
 * scipy's default), where the weights fall below 0.04% of the centre's.
 */
public final class GaussianFilter {

	private static final double TRUNCATE = 4;

	private GaussianFilter() {}

	/** The normalised half kernel {@code k[0..r]} for this sigma (> 0); the full kernel sums to 1. */
	public static float[] halfKernel(final double sigma) {
		if (!(sigma > 0)) throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
		final int r = Math.max(1, (int) Math.ceil(TRUNCATE * sigma));
		final double[] weights = new double[r + 1];
		double sum = 0;
		for (int k = 0; k <= r; k++) {
			weights[k] = Math.exp(-0.5 * k * k / (sigma * sigma));
			sum += k == 0 ? weights[k] : 2 * weights[k];
		}
		final float[] half = new float[r + 1];
		for (int k = 0; k <= r; k++)
			half[k] = (float) (weights[k] / sum);
		return half;
	}

	/** Writes the image smoothed with this sigma into {@code target} (may be {@code source}). */
	public static void blur(final float[] source, final float[] target, final int width, final int height,
		final double sigma)
	{
		SeparableConvolution.convolve(source, target, width, height, halfKernel(sigma));
	}

	/** The image smoothed with this sigma, as a new ImgLib2 image. */
	public static ArrayImg<FloatType, FloatArray> blur(final RandomAccessibleInterval<FloatType> source,
		final double sigma)
	{
		final int width = (int) source.dimension(0);
		final int height = (int) source.dimension(1);
		final float[] pixels = Planes.copy(source);
		blur(pixels, pixels, width, height, sigma);
		return ArrayImgs.floats(pixels, width, height);
	}
}
