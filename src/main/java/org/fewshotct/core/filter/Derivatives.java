package org.fewshotct.core.filter;

/**
 * First and second derivatives of a (smoothed) float plane by central differences, borders mirrored. On a
 * Gaussian-smoothed plane they are the Gaussian derivatives at that scale.
 */
public final class Derivatives {

	private Derivatives() {}

	/** Writes the gradient magnitude sqrt(dx^2 + dy^2) of {@code plane} into {@code magnitude}. */
	public static void gradientMagnitude(final float[] plane, final int width, final int height,
		final float[] magnitude)
	{
		for (int y = 0; y < height; y++) {
			final int up = Borders.reflect(y - 1, height) * width;
			final int down = Borders.reflect(y + 1, height) * width;
			final int row = y * width;
			for (int x = 0; x < width; x++) {
				final int left = Borders.reflect(x - 1, width);
				final int right = Borders.reflect(x + 1, width);
				final float dx = 0.5f * (plane[row + right] - plane[row + left]);
				final float dy = 0.5f * (plane[down + x] - plane[up + x]);
				magnitude[row + x] = (float) Math.sqrt(dx * dx + dy * dy);
			}
		}
	}

	/** Writes the second derivatives d2/dx2, d2/dxdy and d2/dy2 of {@code plane}. */
	public static void secondDerivatives(final float[] plane, final int width, final int height, final float[] xx,
		final float[] xy, final float[] yy)
	{
		for (int y = 0; y < height; y++) {
			final int up = Borders.reflect(y - 1, height) * width;
			final int down = Borders.reflect(y + 1, height) * width;
			final int row = y * width;
			for (int x = 0; x < width; x++) {
				final int left = Borders.reflect(x - 1, width);
				final int right = Borders.reflect(x + 1, width);
				final float centre = plane[row + x];
				xx[row + x] = plane[row + left] - 2 * centre + plane[row + right];
				yy[row + x] = plane[up + x] - 2 * centre + plane[down + x];
				xy[row + x] = 0.25f * (plane[down + right] - plane[down + left] - plane[up + right] + plane[up + left]);
			}
		}
	}
}
