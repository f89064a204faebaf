package org.fewshotct.core.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * The median over a small {@link Disk} of 8-bit images by a selection network: a fixed sequence of
 * compare-exchanges (min to one place, max to the other) that leaves the middle value of the disk's n pixels
 * in place n / 2. The sequence is the same for every pixel, so each compare-exchange runs over a whole row of
 * pixels at once, element by element, which the JIT turns into vector instructions: many pixels per
 * instruction, no branches. A sliding histogram spends tens of unpredictable steps per pixel instead; on the
 * baseline's disk of radius 2 (13 pixels) the network is several times faster.
 * <p>
 * The network is Batcher's odd-even merge sort of the next power of two, less the compare-exchanges that
 * touch places n and beyond (those would hold +infinity and never move) and less every one whose results
 * nothing later reads. It covers the pixels whose whole disk lies inside the image; the few near the border
 * see fewer pixels and are taken one by one (the upper middle of an even count, as {@link RankFilters} does).
 * </p>
 */
final class MedianNetwork {

	/** Above this many pixels (radius 3: 29) the network grows faster than the histogram's work. */
	static final int MAX_PIXELS = 29;

	private static final int EXCHANGE = 0;
	private static final int MIN_ONLY = 1;
	private static final int MAX_ONLY = 2;

	private final Disk disk;
	private final int[] dx;
	private final int[] dy;
	/** Compare-exchanges as (kind, lower place, upper place) triples, in order. */
	private final int[] steps;

	private MedianNetwork(final Disk disk) {
		this.disk = disk;
		final int r = disk.radius();
		final int n = disk.area();
		dx = new int[n];
		dy = new int[n];
		int k = 0;
		for (int y = -r; y <= r; y++)
			for (int x = -disk.halfWidth(y); x <= disk.halfWidth(y); x++) {
				dx[k] = x;
				dy[k++] = y;
			}
		steps = prune(sortingNetwork(n), n);
	}

	/** The network for this disk, or null when the disk has more than {@link #MAX_PIXELS} pixels. */
	static MedianNetwork forDisk(final Disk disk) {
		return disk.area() <= MAX_PIXELS ? new MedianNetwork(disk) : null;
	}

	/** The number of compare-exchanges (or single min/max) per pixel. */
	int steps() {
		return steps.length / 3;
	}

	/** Writes the median over the disk of every pixel of {@code image} into {@code out}. */
	void filter(final byte[] image, final int width, final int height, final byte[] out) {
		final int r = disk.radius();
		final int inner = width - 2 * r;
		if (inner > 0 && height > 2 * r) {
			final int[][] places = new int[dx.length][inner];
			for (int y = r; y < height - r; y++)
				row(image, width, y, places, inner, out);
		}
		final int[] window = new int[dx.length];
		for (int y = 0; y < height; y++) {
			if (y < r || y >= height - r || inner <= 0) border(image, width, height, y, 0, width, window, out);
			else {
				border(image, width, height, y, 0, r, window, out);
				border(image, width, height, y, width - r, width, window, out);
			}
		}
	}

	/** The medians of row y's pixels x = from .. to - 1 one by one. */
	private void border(final byte[] image, final int width, final int height, final int y, final int from,
		final int to, final int[] window, final byte[] out)
	{
		for (int x = from; x < to; x++)
			out[y * width + x] = (byte) medianAt(image, width, height, x, y, window);
	}

	/** The medians of row y's pixels x = r .. width - r - 1, whose disks lie inside the image. */
	private void row(final byte[] image, final int width, final int y, final int[][] places, final int inner,
		final byte[] out)
	{
		final int r = disk.radius();
		for (int k = 0; k < places.length; k++)
			load(image, (y + dy[k]) * width + r + dx[k], places[k], inner);
		for (int s = 0; s < steps.length; s += 3) {
			final int[] low = places[steps[s + 1]];
			final int[] high = places[steps[s + 2]];
			switch (steps[s]) {
				case EXCHANGE:
					exchange(low, high, inner);
					break;
				case MIN_ONLY:
					minimum(low, high, inner);
					break;
				default:
					maximum(low, high, inner);
			}
		}
		store(places[places.length / 2], out, y * width + r, inner);
	}

	private static void load(final byte[] image, final int from, final int[] place, final int n) {
		for (int x = 0; x < n; x++)
			place[x] = image[from + x] & 0xff;
	}

	private static void store(final int[] place, final byte[] out, final int to, final int n) {
		for (int x = 0; x < n; x++)
			out[to + x] = (byte) place[x];
	}

	// min and max of 8-bit values by arithmetic: the JIT (Java 17) vectorises these loops, not ones with
	// Math.min or Math.max (ten times slower here).

	private static void exchange(final int[] low, final int[] high, final int n) {
		for (int x = 0; x < n; x++) {
			final int a = low[x];
			final int b = high[x];
			final int d = a - b;
			final int m = d & d >> 31;
			low[x] = b + m;
			high[x] = a - m;
		}
	}

	private static void minimum(final int[] low, final int[] high, final int n) {
		for (int x = 0; x < n; x++) {
			final int b = high[x];
			final int d = low[x] - b;
			low[x] = b + (d & d >> 31);
		}
	}

	private static void maximum(final int[] low, final int[] high, final int n) {
		for (int x = 0; x < n; x++) {
			final int a = low[x];
			final int d = a - high[x];
			high[x] = a - (d & d >> 31);
		}
	}

	/** The median of the disk's pixels inside the image around (x, y), counted one by one. */
	private int medianAt(final byte[] image, final int width, final int height, final int x, final int y,
		final int[] window)
	{
		int count = 0;
		for (int k = 0; k < dx.length; k++) {
			final int px = x + dx[k];
			final int py = y + dy[k];
			if (px < 0 || py < 0 || px >= width || py >= height) continue;
			// Insertion sort as the values come.
			final int v = image[py * width + px] & 0xff;
			int i = count++;
			while (i > 0 && window[i - 1] > v) {
				window[i] = window[i - 1];
				i--;
			}
			window[i] = v;
		}
		return window[count / 2];
	}

	/** Batcher's odd-even merge sort of n places as (lower, upper) pairs, without those reaching n or beyond. */
	private static List<int[]> sortingNetwork(final int n) {
		int size = 1;
		while (size < n)
			size <<= 1;
		final List<int[]> pairs = new ArrayList<>();
		for (int p = 1; p < size; p <<= 1)
			for (int k = p; k >= 1; k >>= 1)
				for (int j = k % p; j + k < size; j += 2 * k)
					for (int i = 0; i < Math.min(k, size - j - k); i++)
						if ((i + j) / (2 * p) == (i + j + k) / (2 * p) && i + j + k < n) pairs.add(new int[] { i + j, i + j +
							k });
		return pairs;
	}

	/**
	 * Keeps, walking back from the median's place, the compare-exchanges whose results are read later; one
	 * whose maximum (or minimum) nothing reads becomes a single minimum (or maximum).
	 */
	private static int[] prune(final List<int[]> pairs, final int n) {
		final boolean[] needed = new boolean[n];
		needed[n / 2] = true;
		final List<int[]> kept = new ArrayList<>();
		for (int s = pairs.size() - 1; s >= 0; s--) {
			final int low = pairs.get(s)[0];
			final int high = pairs.get(s)[1];
			if (!needed[low] && !needed[high]) continue;
			kept.add(0, new int[] { needed[low] && needed[high] ? EXCHANGE : needed[low] ? MIN_ONLY : MAX_ONLY, low,
				high });
			needed[low] = true;
			needed[high] = true;
		}
		final int[] steps = new int[3 * kept.size()];
		for (int s = 0; s < kept.size(); s++)
			System.arraycopy(kept.get(s), 0, steps, 3 * s, 3);
		return steps;
	}
}
