package org.fewshotct.core.phantom;

/**
 * Turns the painted densities into what a scanner shows: slow shading, noise, the blur of the reconstruction,
 * then 16-bit values (HU + 1024, clipped to 0..4095 as 12-bit CT is stored).
 */
final class Acquisition {

	static final int OFFSET = 1024;
	static final int MAX_STORED = 4095;

	/** Blur at 512 pixels across; smaller images are blurred less in pixels but never below the minimum. */
	private static final double BLUR_AT_512 = 1.1, MIN_BLUR = 0.6;
	private static final int SHADING_GRID = 6;
	private static final double SHADING = 6;

	private Acquisition() {}

	static short[] acquire(final Canvas canvas, final double noise, final PhantomRandom random) {
		final int size = canvas.size;
		final float[] hu = canvas.hu;
		final double sigma = Math.max(MIN_BLUR, BLUR_AT_512 * size / 512.0);
		// white noise of this deviation keeps the requested deviation after a Gaussian blur of sigma
		final double white = noise * 2 * StrictMath.sqrt(Math.PI) * sigma;
		shade(hu, size, random);
		for (int i = 0; i < hu.length; i++)
			hu[i] += (float) (white * random.gaussian());
		final float[] blurred = blur(hu, size, kernel(sigma));
		final short[] stored = new short[hu.length];
		for (int i = 0; i < hu.length; i++)
			stored[i] = (short) Math.max(0, Math.min(MAX_STORED, Math.round(blurred[i] + OFFSET)));
		return stored;
	}

	/** A smooth random field, bilinear between a coarse grid, for the slow unevenness of real slices. */
	private static void shade(final float[] hu, final int size, final PhantomRandom random) {
		final int nodes = SHADING_GRID + 1;
		final double[] grid = new double[nodes * nodes];
		for (int i = 0; i < grid.length; i++)
			grid[i] = SHADING * random.gaussian();
		final double step = (double) size / SHADING_GRID;
		final int[] cell = new int[size];
		final double[] fraction = new double[size];
		for (int x = 0; x < size; x++) {
			cell[x] = Math.min(SHADING_GRID - 1, (int) (x / step));
			fraction[x] = x / step - cell[x];
		}
		final double[] column = new double[nodes];
		for (int y = 0; y < size; y++) {
			final int g = cell[y] * nodes;
			for (int c = 0; c < nodes; c++)
				column[c] = grid[g + c] + fraction[y] * (grid[g + nodes + c] - grid[g + c]);
			for (int x = 0, i = y * size; x < size; x++, i++)
				hu[i] += (float) (column[cell[x]] + fraction[x] * (column[cell[x] + 1] - column[cell[x]]));
		}
	}

	static float[] kernel(final double sigma) {
		final int radius = (int) Math.ceil(3 * sigma);
		final float[] k = new float[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++)
			sum += StrictMath.exp(-i * i / (2 * sigma * sigma));
		for (int i = -radius; i <= radius; i++)
			k[i + radius] = (float) (StrictMath.exp(-i * i / (2 * sigma * sigma)) / sum);
		return k;
	}

	/** Separable Gaussian blur, edges clamped; loops run along rows so that they vectorise. */
	static float[] blur(final float[] image, final int size, final float[] kernel) {
		final int radius = kernel.length / 2;
		final float[] rows = new float[image.length];
		for (int y = 0; y < size; y++) {
			final int row = y * size;
			for (int k = -radius; k <= radius; k++) {
				final float w = kernel[k + radius];
				final int from = Math.max(0, -k);
				final int to = Math.min(size, size - k);
				for (int x = 0; x < from; x++)
					rows[row + x] += w * image[row];
				for (int x = from; x < to; x++)
					rows[row + x] += w * image[row + x + k];
				for (int x = Math.max(from, to); x < size; x++)
					rows[row + x] += w * image[row + size - 1];
			}
		}
		final float[] out = new float[image.length];
		for (int y = 0; y < size; y++) {
			final int target = y * size;
			for (int k = -radius; k <= radius; k++) {
				final float w = kernel[k + radius];
				final int source = Math.max(0, Math.min(size - 1, y + k)) * size;
				for (int x = 0; x < size; x++)
					out[target + x] += w * rows[source + x];
			}
		}
		return out;
	}
}
