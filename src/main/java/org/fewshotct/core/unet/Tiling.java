package org.fewshotct.core.unet;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a slice into the tiles a U-Net sees and puts its outputs back together. A slice no larger than the
 * tile is one tile, padded with 0 up to the next multiple of 2^depth. A larger slice gets overlapping tiles
 * of the full size; each keeps only its central part (a margin away from cut edges, where the network lacks
 * context), and the kept parts cover the slice exactly once.
 */
final class Tiling {

	final int tileWidth;
	final int tileHeight;
	private final Axis x;
	private final Axis y;

	Tiling(final int width, final int height, final int maxTile, final int margin, final int multiple) {
		x = new Axis(width, maxTile, margin, multiple);
		y = new Axis(height, maxTile, margin, multiple);
		tileWidth = x.size;
		tileHeight = y.size;
	}

	int count() {
		return x.starts.length * y.starts.length;
	}

	/** Copies tile {@code index} of a row-major slice to {@code out} at {@code offset}, 0 beyond the slice. */
	void read(final float[] slice, final int index, final float[] out, final int offset) {
		final int x0 = x.starts[index % x.starts.length];
		final int y0 = y.starts[index / x.starts.length];
		for (int v = 0; v < tileHeight; v++) {
			final int row = offset + v * tileWidth;
			final int sy = y0 + v;
			for (int u = 0; u < tileWidth; u++) {
				final int sx = x0 + u;
				out[row + u] = sx < x.length && sy < y.length ? slice[sy * x.length + sx] : 0;
			}
		}
	}

	/**
	 * Writes the kept part of tile {@code index} from interleaved per-pixel class values at {@code offset}
	 * ({@code values[offset + pixel * classes + c]}) into per-class slice planes.
	 */
	void write(final float[] values, final int offset, final int index, final float[][] planes) {
		final int classes = planes.length;
		final int i = index % x.starts.length;
		final int j = index / x.starts.length;
		for (int sy = y.from[j]; sy < y.to[j]; sy++) {
			final int v = sy - y.starts[j];
			for (int sx = x.from[i]; sx < x.to[i]; sx++) {
				final int u = sx - x.starts[i];
				final int source = offset + (v * tileWidth + u) * classes;
				for (int c = 0; c < classes; c++)
					planes[c][sy * x.length + sx] = values[source + c];
			}
		}
	}

	/** Tile starts along one axis and the range each tile keeps. */
	private static final class Axis {

		final int length;
		final int size;
		final int[] starts;
		final int[] from;
		final int[] to;

		Axis(final int length, final int maxTile, final int margin, final int multiple) {
			this.length = length;
			if (length <= maxTile) {
				size = (length + multiple - 1) / multiple * multiple;
				starts = new int[] { 0 };
				from = new int[] { 0 };
				to = new int[] { length };
				return;
			}
			size = maxTile;
			final int step = size - 2 * margin;
			if (step < 1) throw new IllegalArgumentException("tile " + size + " leaves nothing inside margins of " +
				margin);
			final List<Integer> list = new ArrayList<>();
			for (int s = 0; s + size < length; s += step)
				list.add(s);
			list.add(length - size);
			final int n = list.size();
			starts = new int[n];
			from = new int[n];
			to = new int[n];
			for (int k = 0; k < n; k++) {
				starts[k] = list.get(k);
				from[k] = k == 0 ? 0 : to[k - 1];
				to[k] = k == n - 1 ? length : starts[k] + size - margin;
			}
		}
	}
}
