package org.fewshotct.core.filter;

/**
 * Local minimum and maximum of 8-bit images over a {@link Disk}, from its row spans: the extreme over the
 * disk is the extreme, over the disk's rows, of each image row's extreme over a span of that row's
 * half-width. Row extremes come from van Herk and Gil-Werman's block prefixes and suffixes (three passes,
 * whatever the span), kept for the 2r + 1 rows in reach in a small ring of rows. Pixels outside the image
 * count as the neutral value (0 for the maximum, 255 for the minimum), i.e. they are not counted.
 */
final class SpanExtrema {

	private SpanExtrema() {}

	/** What {@link #filter} writes. */
	static final int MINIMUM = 1;
	static final int MAXIMUM = 2;
	static final int GRADIENT = 3;

	/**
	 * Writes the local minimum, maximum, or gradient (maximum - minimum) over the disk into {@code out}.
	 */
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
		final int[][] ringMin = min ? new int[ringRows][spans * width] : null;
		final int[][] ringMax = max ? new int[ringRows][spans * width] : null;
		final RowScratch scratch = new RowScratch(width, r);
		final int[] accMin = new int[width];
		final int[] accMax = new int[width];
		for (int y = 0; y < Math.min(r, height); y++)
			rowExtremes(image, width, y, halfWidths, spans, ringMin, ringMax, y % ringRows, scratch);
		for (int y = 0; y < height; y++) {
			if (y + r < height) rowExtremes(image, width, y + r, halfWidths, spans, ringMin, ringMax, (y + r) % ringRows,
				scratch);
			java.util.Arrays.fill(accMin, 255);
			java.util.Arrays.fill(accMax, 0);
			for (int dy = Math.max(-r, -y); dy <= Math.min(r, height - 1 - y); dy++) {
				final int slot = (y + dy) % ringRows;
				final int from = spanOf[r + dy] * width;
				if (min) {
					final int[] row = ringMin[slot];
					for (int x = 0; x < width; x++)
						accMin[x] = Math.min(accMin[x], row[from + x]);
				}
				if (max) {
					final int[] row = ringMax[slot];
					for (int x = 0; x < width; x++)
						accMax[x] = Math.max(accMax[x], row[from + x]);
				}
			}
			final int outRow = y * width;
			if (!max) for (int x = 0; x < width; x++)
				out[outRow + x] = (byte) accMin[x];
			else if (!min) for (int x = 0; x < width; x++)
				out[outRow + x] = (byte) accMax[x];
			else for (int x = 0; x < width; x++)
				out[outRow + x] = (byte) (accMax[x] - accMin[x]);
		}
	}

	/** Buffers for one row padded by r neutral values on each side, and its block prefixes and suffixes. */
	private static final class RowScratch {

		final int[] padded;
		final int[] prefix;
		final int[] suffix;

		RowScratch(final int width, final int r) {
			padded = new int[width + 2 * r];
			prefix = new int[padded.length];
			suffix = new int[padded.length];
		}
	}

	private static void rowExtremes(final byte[] image, final int width, final int y, final int[] halfWidths,
		final int spans, final int[][] ringMin, final int[][] ringMax, final int slot, final RowScratch scratch)
	{
		for (int s = 0; s < spans; s++) {
			if (ringMin != null) rowExtreme(image, width, y, halfWidths[s], false, ringMin[slot], s * width, scratch);
			if (ringMax != null) rowExtreme(image, width, y, halfWidths[s], true, ringMax[slot], s * width, scratch);
		}
	}

	/** out[x] = extreme of row y over [x - half, x + half], by van Herk / Gil-Werman blocks of 2 half + 1. */
	private static void rowExtreme(final byte[] image, final int width, final int y, final int half,
		final boolean maximum, final int[] out, final int outFrom, final RowScratch scratch)
	{
		final int row = y * width;
		if (half == 0) {
			for (int x = 0; x < width; x++)
				out[outFrom + x] = image[row + x] & 0xff;
			return;
		}
		final int neutral = maximum ? 0 : 255;
		final int block = 2 * half + 1;
		final int n = width + 2 * half;
		final int[] b = scratch.padded;
		for (int i = 0; i < half; i++) {
			b[i] = neutral;
			b[n - 1 - i] = neutral;
		}
		for (int x = 0; x < width; x++)
			b[half + x] = image[row + x] & 0xff;
		final int[] g = scratch.prefix;
		final int[] h = scratch.suffix;
		if (maximum) {
			for (int start = 0; start < n; start += block) {
				final int end = Math.min(start + block, n);
				g[start] = b[start];
				for (int i = start + 1; i < end; i++)
					g[i] = Math.max(g[i - 1], b[i]);
				h[end - 1] = b[end - 1];
				for (int i = end - 2; i >= start; i--)
					h[i] = Math.max(h[i + 1], b[i]);
			}
			for (int x = 0; x < width; x++)
				out[outFrom + x] = Math.max(h[x], g[x + block - 1]);
		}
		else {
			for (int start = 0; start < n; start += block) {
				final int end = Math.min(start + block, n);
				g[start] = b[start];
				for (int i = start + 1; i < end; i++)
					g[i] = Math.min(g[i - 1], b[i]);
				h[end - 1] = b[end - 1];
				for (int i = end - 2; i >= start; i--)
					h[i] = Math.min(h[i + 1], b[i]);
			}
			for (int x = 0; x < width; x++)
				out[outFrom + x] = Math.min(h[x], g[x + block - 1]);
		}
	}
}
