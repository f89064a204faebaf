package org.fewshotct.core.filter;

/**
 * Convolution of a float plane with a symmetric separable kernel, given by its half {@code k[0..r]} (centre
 * first), borders mirrored ({@link Borders}). Rows first, then columns; the column pass walks whole rows, so
 * both passes read memory in order.
 */
public final class SeparableConvolution {

	private SeparableConvolution() {}

	/**
	 * Writes the convolution of {@code source} (row-major, width x height) with the symmetric half kernel
	 * {@code half} along both axes into {@code target}, which may be {@code source}.
	 */
	public static void convolve(final float[] source, final float[] target, final int width, final int height,
		final float[] half)
	{
		final int r = half.length - 1;
		final float[] rows = new float[width * height];
		final float[] padded = new float[Math.max(width, height) + 2 * r];
		for (int y = 0; y < height; y++) {
			Borders.padLine(source, y * width, 1, width, r, padded);
			final int row = y * width;
			for (int x = 0; x < width; x++) {
				final int c = x + r;
				float sum = half[0] * padded[c];
				for (int k = 1; k <= r; k++)
					sum += half[k] * (padded[c - k] + padded[c + k]);
				rows[row + x] = sum;
			}
		}
		for (int y = 0; y < height; y++) {
			final int out = y * width;
			final float h0 = half[0];
			for (int x = 0; x < width; x++)
				target[out + x] = h0 * rows[out + x];
			for (int k = 1; k <= r; k++) {
				final int above = Borders.reflect(y - k, height) * width;
				final int below = Borders.reflect(y + k, height) * width;
				final float hk = half[k];
				for (int x = 0; x < width; x++)
					target[out + x] += hk * (rows[above + x] + rows[below + x]);
			}
		}
	}
}
