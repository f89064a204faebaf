package org.fewshotct.core.filter;

import java.util.Arrays;

/**
 * Mean and variance of the intensities in a (2r+1) x (2r+1) square around each pixel, borders mirrored:
 * texture measures that tell, say, homogeneous liver from speckled bowel content of the same mean density.
 */
public final class LocalMoments {

	private LocalMoments() {}

	/** Writes the local mean and the local variance (never negative) of {@code plane} for radius r >= 1. */
	public static void meanAndVariance(final float[] plane, final int width, final int height, final int r,
		final float[] mean, final float[] variance)
	{
		if (r < 1) throw new IllegalArgumentException("radius must be >= 1, got " + r);
		final float[] box = new float[r + 1];
		Arrays.fill(box, 1f / (2 * r + 1));
		final float[] squares = new float[plane.length];
		for (int i = 0; i < plane.length; i++)
			squares[i] = plane[i] * plane[i];
		SeparableConvolution.convolve(plane, mean, width, height, box);
		SeparableConvolution.convolve(squares, variance, width, height, box);
		for (int i = 0; i < plane.length; i++)
			variance[i] = Math.max(0f, variance[i] - mean[i] * mean[i]);
	}
}
