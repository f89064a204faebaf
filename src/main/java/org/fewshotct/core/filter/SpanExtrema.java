package org.fewshotct.core.filter;

import java.util.Arrays;

/**
 * Local minimum and maximum of 8-bit images over a {@link Disk}, from its row spans: the extreme over the
 * disk is the extreme, over the disk's rows, of each image row's extreme over a span of that row's
 * half-width. A row's extremes over spans of every length come from doubling: level j holds the extreme of
 * 2^j consecutive pixels, and a span of length k is covered by two overlapping runs of the largest 2^j <= k.
 * Every pass is element by element, so the JIT vectorises it. The row extremes of the 2r + 1 rows in reach
 * sit in a small ring. Pixels outside the image count as the neutral value (0 for the maximum, 255 for the
 * minimum), i.e. they are not counted.
 */
final class SpanExtrema {

	private SpanExtrema() {}

	/** What {@link #filter} writes. */
	static final int MINIMUM = 1;
	static final int MAXIMUM = 2;
	static final int GRADIENT = 3;

	/** Writes the local minimum, maximum, or gradient (maximum - minimum) over the disk into {@code out}. */
	static void filter(final byte[] image, final int width, final int height, final Disk disk, final int what,
		final byte[] out)
	{
		final boolean min = (what & MINIMUM) != 0;
		final boolean max = (what & MAXIMUM) != 0;
		final int r = disk.radius();
		// The distinct half-widths of the disk's rows, and which one each row uses.
		final int[] halfWidths = new int[r + 1];
		final int[] spanOf = new int[2 * r + 1];
		int spans = 0;
		for (int dy = 0; dy <= r; dy++) {
			final int half = disk.halfWidth(dy);
			if (spans == 0 || halfWidths[spans - 1] != half) halfWidths[spans++] = half;
			spanOf[r + dy] = spanOf[r - dy] = spans - 1;
		}
		final int ringRows = 2 * r + 1;
		// ring[row % ringRows][span]: a row's extremes over one span length, one array each, so that the loops
		// below index every array at x alone, which the JIT vectorises.
		final int[][][] ringMin = min ? new int[ringRows][spans][width] : null;
		final int[][][] ringMax = max ? new int[ringRows][spans][width] : null;
		final Doubling minimum = min ? new Doubling(width, r, false) : null;
		final Doubling maximum = max ? new Doubling(width, r, true) : null;
		final int[] accMin = new int[width];
		final int[] accMax = new int[width];
		for (int y = 0; y < Math.min(r, height); y++)
			rowExtremes(image, width, y, halfWidths, spans, minimum, maximum, ringMin, ringMax, y % ringRows);
		for (int y = 0; y < height; y++) {
			if (y + r < height) rowExtremes(image, width, y + r, halfWidths, spans, minimum, maximum, ringMin, ringMax,
				(y + r) % ringRows);
			Arrays.fill(accMin, 255);
			Arrays.fill(accMax, 0);
			for (int dy = Math.max(-r, -y); dy <= Math.min(r, height - 1 - y); dy++) {
				final int slot = (y + dy) % ringRows;
				final int span = spanOf[r + dy];
				if (min) lower(accMin, ringMin[slot][span], width);
				if (max) raise(accMax, ringMax[slot][span], width);
			}
			if (!max) store(accMin, out, y * width, width);
			else if (!min) store(accMax, out, y * width, width);
			else storeDifference(accMax, accMin, out, y * width, width);
		}
	}

	// Every loop over a row is a small method of its own: called thousands of times per slice, it is
	// compiled (and vectorised) within the first slice, where a loop inside a method called once per slice
	// would run interpreted until the JIT replaced it on the stack.

	/** acc[x] = min(acc[x], row[x]). */
	private static void lower(final int[] acc, final int[] row, final int n) {
		for (int x = 0; x < n; x++)
			acc[x] = min(acc[x], row[x]);
	}

	/** acc[x] = max(acc[x], row[x]). */
	private static void raise(final int[] acc, final int[] row, final int n) {
		for (int x = 0; x < n; x++)
			acc[x] = max(acc[x], row[x]);
	}

	/** to[x] = min(a[x], b[x]). */
	private static void pairMin(final int[] a, final int[] b, final int[] to, final int n) {
		for (int x = 0; x < n; x++)
			to[x] = min(a[x], b[x]);
	}

	/** to[x] = max(a[x], b[x]). */
	private static void pairMax(final int[] a, final int[] b, final int[] to, final int n) {
		for (int x = 0; x < n; x++)
			to[x] = max(a[x], b[x]);
	}

	private static void store(final int[] values, final byte[] out, final int offset, final int n) {
		for (int x = 0; x < n; x++)
			out[offset + x] = (byte) values[x];
	}

	private static void storeDifference(final int[] high, final int[] low, final byte[] out, final int offset,
		final int n)
	{
		for (int x = 0; x < n; x++)
			out[offset + x] = (byte) (high[x] - low[x]);
	}

	private static void load(final byte[] image, final int offset, final int[] to, final int at, final int n) {
		for (int x = 0; x < n; x++)
			to[at + x] = image[offset + x] & 0xff;
	}

	private static void rowExtremes(final byte[] image, final int width, final int y, final int[] halfWidths,
		final int spans, final Doubling minimum, final Doubling maximum, final int[][][] ringMin,
		final int[][][] ringMax, final int slot)
	{
		if (minimum != null) minimum.row(image, width, y, halfWidths, spans, ringMin[slot]);
		if (maximum != null) maximum.row(image, width, y, halfWidths, spans, ringMax[slot]);
	}

	/** One row's running extremes by doubling, in buffers reused from row to row. */
	private static final class Doubling {

		private final boolean maximum;
		private final int pad;
		/** levels[j][i]: the extreme of the padded row over [i, i + 2^j). */
		private final int[][] levels;
		/** A shifted copy of a level: loops that read one array at two offsets are not vectorised. */
		private final int[] shifted;

		Doubling(final int width, final int r, final boolean maximum) {
			this.maximum = maximum;
			pad = r;
			int count = 1;
			while (1 << count <= 2 * r + 1)
				count++;
			levels = new int[count][width + 2 * r];
			shifted = new int[width + 2 * r];
		}

		/** out[s][x] = extreme of row y over [x - halfWidths[s], x + halfWidths[s]]. */
		void row(final byte[] image, final int width, final int y, final int[] halfWidths, final int spans,
			final int[][] out)
		{
			final int n = width + 2 * pad;
			final int[] row = levels[0];
			final int neutral = maximum ? 0 : 255;
			Arrays.fill(row, 0, pad, neutral);
			Arrays.fill(row, pad + width, n, neutral);
			load(image, y * width, row, pad, width);
			for (int j = 1; j < levels.length; j++) {
				final int[] from = levels[j - 1];
				final int[] to = levels[j];
				final int end = n - (1 << j) + 1;
				System.arraycopy(from, 1 << j - 1, shifted, 0, end);
				if (maximum) pairMax(from, shifted, to, end);
				else pairMin(from, shifted, to, end);
			}
			for (int s = 0; s < spans; s++) {
				final int half = halfWidths[s];
				final int length = 2 * half + 1;
				final int j = 31 - Integer.numberOfLeadingZeros(length);
				final int[] level = levels[j];
				// [x - half, x + half] in image columns is [pad + x - half, ...] in the padded row: two runs of 2^j.
				final int first = pad - half;
				final int second = first + length - (1 << j);
				final int[] to = out[s];
				System.arraycopy(level, first, to, 0, width);
				System.arraycopy(level, second, shifted, 0, width);
				if (maximum) raise(to, shifted, width);
				else lower(to, shifted, width);
			}
		}
	}

	/**
	 * max and min of two 8-bit values by arithmetic: the JIT (Java 17) vectorises these loops, not ones with
	 * Math.max or Math.min.
	 */
	private static int max(final int a, final int b) {
		final int d = a - b;
		return a - (d & d >> 31);
	}

	private static int min(final int a, final int b) {
		final int d = a - b;
		return b + (d & d >> 31);
	}
}
