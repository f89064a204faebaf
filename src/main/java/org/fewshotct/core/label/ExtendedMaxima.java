package org.fewshotct.core.label;

/**
 * The extended maxima of a 2D surface (Soille, Morphological Image Analysis, 2003, section 6.3): the tops of
 * the domes that rise at least {@code h} above the saddle that joins them to any higher dome, each top being the
 * part of its dome within {@code h} of the peak. Unlike a fixed threshold, this finds one seed per dome whatever
 * the absolute height of the surface: a dome that peaks below a threshold still counts, and two domes joined
 * by a saddle above a threshold still count as two.
 * <p>
 * Computed as the regional maxima of the reconstruction by dilation of {@code surface - h} under
 * {@code surface}, 4-connected, within a mask.
 * </p>
 */
public final class ExtendedMaxima {

	private ExtendedMaxima() {}

	/**
	 * The tops, {@code h} deep, of the domes of {@code surface} within {@code mask} ({@code null}: everywhere)
	 * that rise at least {@code h} above their saddle and peak at {@code minPeak} or higher.
	 */
	public static boolean[] of(final float[] surface, final boolean[] mask, final int width, final int height,
		final double h, final double minPeak)
	{
		final int n = width * height;
		if (surface.length != n || mask != null && mask.length != n)
			throw new IllegalArgumentException("surface and mask must hold " + width + "x" + height + " pixels");
		if (!(h > 0)) throw new IllegalArgumentException("h must be > 0, got " + h);
		final double[] reconstruction = reconstruct(surface, mask, width, height, h);
		return regionalMaxima(reconstruction, mask, width, height, minPeak - h);
	}

	/**
	 * Reconstruction by dilation of surface - h under surface: flooding from the highest values down, a pixel
	 * takes the lower of its own value and its highest neighbour's reconstruction. A pixel leaves the queue
	 * first at its final value, since every value queued later is lower.
	 */
	private static double[] reconstruct(final float[] surface, final boolean[] mask, final int width,
		final int height, final double h)
	{
		final int n = width * height;
		final double[] r = new double[n];
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < n; i++) {
			r[i] = surface[i] - h;
			low = Math.min(low, r[i]);
			high = Math.max(high, surface[i]);
		}
		// The queue pops the lowest priority first: the negated value pops the highest value first.
		final FloodQueue queue = new FloodQueue(n);
		queue.clear(-high, -low);
		for (int i = 0; i < n; i++)
			if (mask == null || mask[i]) queue.push(-r[i], i, 0, 0);
		final boolean[] done = new boolean[n];
		while (queue.pop()) {
			final int p = queue.pixel();
			if (done[p]) continue;
			done[p] = true;
			for (int d = 0; d < 4; d++) {
				final int q = neighbour(p, d, width, n);
				if (q < 0 || done[q] || mask != null && !mask[q]) continue;
				final double value = Math.min(r[p], surface[q]);
				if (value > r[q]) {
					r[q] = value;
					queue.push(-value, q, 0, 0);
				}
			}
		}
		return r;
	}

	/** The plateaus of equal value within the mask that no neighbour rises above, at {@code minLevel} or higher. */
	private static boolean[] regionalMaxima(final double[] r, final boolean[] mask, final int width,
		final int height, final double minLevel)
	{
		final int n = width * height;
		final boolean[] maxima = new boolean[n];
		final boolean[] visited = new boolean[n];
		final int[] plateau = new int[n];
		for (int start = 0; start < n; start++) {
			if (visited[start] || mask != null && !mask[start]) continue;
			visited[start] = true;
			plateau[0] = start;
			int size = 1;
			boolean highest = r[start] >= minLevel;
			for (int k = 0; k < size; k++) {
				final int p = plateau[k];
				for (int d = 0; d < 4; d++) {
					final int q = neighbour(p, d, width, n);
					if (q < 0 || mask != null && !mask[q]) continue;
					if (r[q] > r[start]) highest = false;
					else if (r[q] == r[start] && !visited[q]) {
						visited[q] = true;
						plateau[size++] = q;
					}
				}
			}
			if (highest) for (int k = 0; k < size; k++)
				maxima[plateau[k]] = true;
		}
		return maxima;
	}

	/** The d-th 4-connected neighbour of pixel p (left, right, up, down), or -1 beyond the image. */
	private static int neighbour(final int p, final int d, final int width, final int n) {
		switch (d) {
			case 0:
				return p % width > 0 ? p - 1 : -1;
			case 1:
				return p % width < width - 1 ? p + 1 : -1;
			case 2:
				return p - width;
			default:
				return p + width < n ? p + width : -1;
		}
	}
}
