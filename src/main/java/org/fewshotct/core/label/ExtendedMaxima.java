package org.fewshotct.core.label;

import java.util.Arrays;

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
		// This thread's flood buffers: a stack decodes hundreds of slices, and the collector stays out of the way.
		final FloodWorkspace workspace = FloodWorkspace.forThisThread(n);
		reconstruct(surface, mask, width, height, h, workspace.value);
		return regionalMaxima(workspace.value, mask, width, height, minPeak - h, workspace.labels);
	}

	/**
	 * Reconstruction by dilation of surface - h under surface, by Vincent's hybrid algorithm (IEEE Trans. Image
	 * Processing 2(2), 1993): a raster and an anti-raster pass carry values down and right, then up and left,
	 * and a first-in first-out queue finishes from the pixels that can still raise a neighbour. The result is
	 * the same in any order of updates; this one touches most pixels twice instead of queueing every one.
	 * Written into {@code r}'s first width x height values.
	 */
	private static void reconstruct(final float[] surface, final boolean[] mask, final int width,
		final int height, final double h, final double[] r)
	{
		final int n = width * height;
		for (int i = 0; i < n; i++)
			r[i] = surface[i] - h;
		for (int p = 0; p < n; p++) {
			if (!inside(mask, p)) continue;
			double highest = r[p];
			if (p % width > 0 && inside(mask, p - 1)) highest = Math.max(highest, r[p - 1]);
			if (p >= width && inside(mask, p - width)) highest = Math.max(highest, r[p - width]);
			r[p] = Math.min(highest, surface[p]);
		}
		int[] queue = new int[Math.max(16, n / 8)];
		int head = 0;
		int tail = 0;
		for (int p = n - 1; p >= 0; p--) {
			if (!inside(mask, p)) continue;
			final boolean right = p % width < width - 1 && inside(mask, p + 1);
			final boolean down = p + width < n && inside(mask, p + width);
			double highest = r[p];
			if (right) highest = Math.max(highest, r[p + 1]);
			if (down) highest = Math.max(highest, r[p + width]);
			r[p] = Math.min(highest, surface[p]);
			if (right && raises(r, surface, p, p + 1) || down && raises(r, surface, p, p + width)) {
				if (tail == queue.length) queue = Arrays.copyOf(queue, 2 * queue.length);
				queue[tail++] = p;
			}
		}
		while (head < tail) {
			final int p = queue[head++];
			for (int d = 0; d < 4; d++) {
				final int q = neighbour(p, d, width, n);
				if (q < 0 || !inside(mask, q) || !raises(r, surface, p, q)) continue;
				r[q] = Math.min(r[p], surface[q]);
				if (tail == queue.length) {
					// Reuse the consumed front before growing.
					System.arraycopy(queue, head, queue, 0, tail - head);
					tail -= head;
					head = 0;
					if (tail == queue.length) queue = Arrays.copyOf(queue, 2 * queue.length);
				}
				queue[tail++] = q;
			}
		}
	}

	private static boolean inside(final boolean[] mask, final int p) {
		return mask == null || mask[p];
	}

	/** Whether p's reconstruction can still raise q's: q lies below p and below its own ceiling. */
	private static boolean raises(final double[] r, final float[] surface, final int p, final int q) {
		return r[q] < r[p] && r[q] < surface[q];
	}

	/**
	 * The plateaus of equal value within the mask that no neighbour rises above, at {@code minLevel} or higher;
	 * {@code plateau} holds at least width x height values to collect a plateau in.
	 */
	private static boolean[] regionalMaxima(final double[] r, final boolean[] mask, final int width,
		final int height, final double minLevel, final int[] plateau)
	{
		final int n = width * height;
		final boolean[] maxima = new boolean[n];
		final boolean[] visited = new boolean[n];
		for (int start = 0; start < n; start++) {
			if (visited[start] || !inside(mask, start)) continue;
			visited[start] = true;
			plateau[0] = start;
			int size = 1;
			boolean highest = r[start] >= minLevel;
			for (int k = 0; k < size; k++) {
				final int p = plateau[k];
				for (int d = 0; d < 4; d++) {
					final int q = neighbour(p, d, width, n);
					if (q < 0 || !inside(mask, q)) continue;
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
