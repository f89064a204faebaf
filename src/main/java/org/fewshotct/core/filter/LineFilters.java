package org.fewshotct.core.filter;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Responses of a thin straight line filter turned through a half circle, summarised over the orientations
 * per pixel (the "membrane projections" of Trainable Weka Segmentation): a thin bright or dark wall between
 * two organs answers strongly at one orientation only, so the spread and extremes over orientations find it
 * where the plain intensity does not.
 */
public final class LineFilters {

	/** The summaries {@link #project} writes, in its order. */
	public static final String[] PROJECTIONS = { "mean", "deviation", "median", "max", "min" };

	private LineFilters() {}

	/**
	 * Writes into {@code out[0..4]} the mean, standard deviation, median, maximum and minimum over
	 * {@code orientations} angles (evenly spaced over 180 degrees) of the mean intensity along a line of
	 * {@code length} pixels (odd) centred on each pixel, sampled with bilinear weights.
	 */
	public static void project(final float[] plane, final int width, final int height, final int length,
		final int orientations, final float[][] out)
	{
		final int half = length / 2;
		final int pad = half + 1;
		final int paddedWidth = width + 2 * pad;
		final float[] padded = pad(plane, width, height, pad);
		final int[][] offsets = new int[orientations][];
		final float[][] weights = new float[orientations][];
		for (int a = 0; a < orientations; a++)
			lineKernel(Math.PI * a / orientations, half, paddedWidth, a, offsets, weights);
		final float[] responses = new float[orientations];
		final float[] sorted = new float[orientations];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				final int centre = (y + pad) * paddedWidth + x + pad;
				double sum = 0;
				double squares = 0;
				for (int a = 0; a < orientations; a++) {
					final int[] o = offsets[a];
					final float[] w = weights[a];
					float response = 0;
					for (int k = 0; k < o.length; k++)
						response += w[k] * padded[centre + o[k]];
					responses[a] = response;
					sum += response;
					squares += response * response;
				}
				System.arraycopy(responses, 0, sorted, 0, orientations);
				Arrays.sort(sorted);
				final int i = y * width + x;
				final double mean = sum / orientations;
				out[0][i] = (float) mean;
				out[1][i] = (float) Math.sqrt(Math.max(0, squares / orientations - mean * mean));
				out[2][i] = orientations % 2 == 1 ? sorted[orientations / 2] : 0.5f * (sorted[orientations / 2 - 1] +
					sorted[orientations / 2]);
				out[3][i] = sorted[orientations - 1];
				out[4][i] = sorted[0];
			}
		}
	}

	/** The plane with {@code pad} mirrored pixels on every side. */
	private static float[] pad(final float[] plane, final int width, final int height, final int pad) {
		final int paddedWidth = width + 2 * pad;
		final float[] padded = new float[paddedWidth * (height + 2 * pad)];
		for (int y = -pad; y < height + pad; y++) {
			final int source = Borders.reflect(y, height) * width;
			final int target = (y + pad) * paddedWidth;
			for (int x = -pad; x < width + pad; x++)
				padded[target + x + pad] = plane[source + Borders.reflect(x, width)];
		}
		return padded;
	}

	/** The line at this angle as offsets into the padded plane and bilinear weights that sum to 1. */
	private static void lineKernel(final double angle, final int half, final int paddedWidth, final int a,
		final int[][] offsets, final float[][] weights)
	{
		final TreeMap<Integer, Double> taps = new TreeMap<>();
		final double cos = Math.cos(angle);
		final double sin = Math.sin(angle);
		for (int t = -half; t <= half; t++) {
			final double px = t * cos;
			final double py = t * sin;
			final int x0 = (int) Math.floor(px);
			final int y0 = (int) Math.floor(py);
			final double fx = px - x0;
			final double fy = py - y0;
			add(taps, y0 * paddedWidth + x0, (1 - fx) * (1 - fy));
			add(taps, y0 * paddedWidth + x0 + 1, fx * (1 - fy));
			add(taps, (y0 + 1) * paddedWidth + x0, (1 - fx) * fy);
			add(taps, (y0 + 1) * paddedWidth + x0 + 1, fx * fy);
		}
		offsets[a] = new int[taps.size()];
		weights[a] = new float[taps.size()];
		int k = 0;
		for (final Map.Entry<Integer, Double> tap : taps.entrySet()) {
			offsets[a][k] = tap.getKey();
			weights[a][k++] = (float) (tap.getValue() / (2 * half + 1));
		}
	}

	private static void add(final Map<Integer, Double> taps, final int offset, final double weight) {
		if (weight > 1e-6) taps.merge(offset, weight, Double::sum);
	}
}
