package org.fewshotct.core.label;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.IntType;

/**
 * Connected components of a binary mask, as scipy.ndimage.label does them: components numbered 1..n in the
 * raster order of their first pixel, 0 outside the mask.
 * <p>
 * The mask is read as runs (horizontal stretches of mask pixels) rather than pixel by pixel: a run is joined
 * to the runs of the row above that it touches (overlapping columns; for 8-connectivity also one column
 * apart), in a union-find whose root is always a set's first run in raster order. A CT slice's marker mask
 * has a few thousand runs over a quarter million pixels, so this is several times faster than a flood fill.
 * </p>
 */
public final class ConnectedComponents {

	private ConnectedComponents() {}

	/**
	 * Labels the components of the {@code true} pixels of a row-major {@code width x height} mask into
	 * {@code out} (same length) and returns their count.
	 */
	public static int label(final boolean[] mask, final int width, final int height, final Connectivity connectivity,
		final int[] out)
	{
		if (mask.length != width * height || out.length != mask.length)
			throw new IllegalArgumentException("mask and out must hold " + width + "x" + height + " pixels");
		final Runs runs = new Runs(width);
		// Runs of two rows touch when their columns overlap, or for 8-connectivity when they are one apart.
		final int reach = connectivity == Connectivity.EIGHT ? 1 : 0;
		int above = 0;
		for (int y = 0; y < height; y++) {
			final int first = runs.count;
			runs.addRow(mask, y, width);
			runs.joinRowAbove(above, first, reach);
			above = first;
		}
		return runs.paint(width, out);
	}

	/**
	 * Labels the regions of a row-major {@code width x height} class image into {@code out}: each connected
	 * set of pixels with one non-zero class is a region, numbered 1..n in the raster order of its first pixel,
	 * 0 where the class is 0. A semantic segmentation becomes instance labels this way; touching regions of
	 * different classes stay apart. Returns n.
	 */
	public static int labelRegions(final short[] classes, final int width, final int height,
		final Connectivity connectivity, final int[] out)
	{
		if (classes.length != width * height || out.length != classes.length)
			throw new IllegalArgumentException("classes and out must hold " + width + "x" + height + " pixels");
		final Runs runs = new Runs(width);
		final int reach = connectivity == Connectivity.EIGHT ? 1 : 0;
		int above = 0;
		for (int y = 0; y < height; y++) {
			final int first = runs.count;
			runs.addRow(classes, y, width);
			runs.joinRowAbove(above, first, reach);
			above = first;
		}
		return runs.paint(width, out);
	}

	/** The components of a mask as a new ImgLib2 label image (its backing array holds the labels). */
	public static ArrayImg<IntType, IntArray> label(final boolean[] mask, final int width, final int height,
		final Connectivity connectivity)
	{
		final int[] out = new int[mask.length];
		label(mask, width, height, connectivity, out);
		return ArrayImgs.ints(out, width, height);
	}

	/**
	 * Sets to 0 the components of a label image (labels 1..count) smaller than {@code minArea} pixels and
	 * renumbers the rest 1..m in their old order; returns m.
	 */
	public static int removeSmall(final int[] labels, final int count, final int minArea) {
		final int[] area = new int[count + 1];
		for (final int l : labels)
			area[l]++;
		final int[] renumbered = new int[count + 1];
		int kept = 0;
		for (int l = 1; l <= count; l++)
			if (area[l] >= minArea) renumbered[l] = ++kept;
		for (int i = 0; i < labels.length; i++)
			labels[i] = renumbered[labels[i]];
		return kept;
	}

	/** Joins as {@link #applyJoins} takes them, none made yet: every label 0..{@code maxLabel} joined into itself. */
	public static int[] noJoins(final int maxLabel) {
		final int[] joinedInto = new int[maxLabel + 1];
		for (int label = 0; label <= maxLabel; label++)
			joinedInto[label] = label;
		return joinedInto;
	}

	/**
	 * Joins the labels that {@code a} and {@code b} have been joined into ({@link #joinedLabel}), the larger into the
	 * smaller, so that chains stay free of cycles; false, and nothing changed, where they are already one.
	 */
	public static boolean join(final int[] joinedInto, final int a, final int b) {
		final int endA = joinedLabel(joinedInto, a), endB = joinedLabel(joinedInto, b);
		if (endA == endB) return false;
		joinedInto[Math.max(endA, endB)] = Math.min(endA, endB);
		return true;
	}

	/**
	 * The label at the end of {@code label}'s chain of joins ({@code joinedInto} as {@link #applyJoins} takes it),
	 * where the chain has no cycle, as when every join points to the smaller label.
	 */
	public static int joinedLabel(final int[] joinedInto, final int label) {
		int current = label;
		while (joinedInto[current] != current)
			current = joinedInto[current];
		return current;
	}

	/**
	 * Gives every pixel, in place, the label its label was joined into: {@code joinedInto[l]} is the label that
	 * {@code l} joined ({@code l} itself where it joined none). A chain of joins is followed to its end; one that
	 * ends in a cycle (labels that joined each other) ends on the cycle's smallest label, so the cycle becomes one.
	 */
	public static void applyJoins(final int[] labels, final int[] joinedInto) {
		final int[] end = new int[joinedInto.length];
		for (int l = 0; l < joinedInto.length; l++) {
			int current = l;
			// as many steps as there are labels reach a chain's end or land inside its cycle
			for (int steps = 0; joinedInto[current] != current && steps < joinedInto.length; steps++)
				current = joinedInto[current];
			int smallest = current;
			for (int next = joinedInto[current]; next != current; next = joinedInto[next])
				smallest = Math.min(smallest, next);
			end[l] = smallest;
		}
		for (int i = 0; i < labels.length; i++)
			labels[i] = end[labels[i]];
	}

	/**
	 * The holes of a mask: the pixels outside it that are not 4-connected, outside it, to the slice's edge (what
	 * filling the mask's holes adds).
	 */
	public static boolean[] holes(final boolean[] mask, final int width, final int height) {
		final int n = width * height;
		final boolean[] outside = new boolean[n];
		for (int i = 0; i < n; i++)
			outside[i] = !mask[i];
		final int[] parts = new int[n];
		final int count = label(outside, width, height, Connectivity.FOUR, parts);
		final boolean[] touchesEdge = new boolean[count + 1];
		for (int x = 0; x < width; x++) {
			touchesEdge[parts[x]] = true;
			touchesEdge[parts[(height - 1) * width + x]] = true;
		}
		for (int y = 0; y < height; y++) {
			touchesEdge[parts[y * width]] = true;
			touchesEdge[parts[y * width + width - 1]] = true;
		}
		final boolean[] holes = new boolean[n];
		for (int i = 0; i < n; i++)
			holes[i] = parts[i] > 0 && !touchesEdge[parts[i]];
		return holes;
	}

	/** The runs of a mask in raster order, with a union-find over them. */
	private static final class Runs {

		int count;
		int[] row;
		/** First and last column of each run. */
		int[] start;
		int[] end;
		/** The class of each run's pixels (1 for a mask). */
		int[] value;
		/** Union-find parent; a set's root is its smallest run. */
		int[] parent;

		Runs(final int width) {
			final int capacity = Math.max(16, 4 * width);
			row = new int[capacity];
			start = new int[capacity];
			end = new int[capacity];
			value = new int[capacity];
			parent = new int[capacity];
		}

		void addRow(final boolean[] mask, final int y, final int width) {
			final int offset = y * width;
			int x = 0;
			while (x < width) {
				while (x < width && !mask[offset + x])
					x++;
				if (x == width) break;
				final int first = x;
				while (x < width && mask[offset + x])
					x++;
				add(y, first, x - 1, 1);
			}
		}

		/** Adds the runs of equal non-zero class of row y. */
		void addRow(final short[] classes, final int y, final int width) {
			final int offset = y * width;
			int x = 0;
			while (x < width) {
				final short c = classes[offset + x];
				if (c == 0) {
					x++;
					continue;
				}
				final int first = x;
				while (x < width && classes[offset + x] == c)
					x++;
				add(y, first, x - 1, c);
			}
		}

		private void add(final int y, final int first, final int last, final int runValue) {
			if (count == start.length) {
				final int capacity = count + (count >> 1);
				row = Arrays.copyOf(row, capacity);
				start = Arrays.copyOf(start, capacity);
				end = Arrays.copyOf(end, capacity);
				value = Arrays.copyOf(value, capacity);
				parent = Arrays.copyOf(parent, capacity);
			}
			row[count] = y;
			start[count] = first;
			end[count] = last;
			value[count] = runValue;
			parent[count] = count;
			count++;
		}

		/**
		 * Joins each run of the last row (from {@code first}) to the runs of the row above (from {@code above})
		 * of its class that it touches, both rows' runs being in column order.
		 */
		void joinRowAbove(final int above, final int first, final int reach) {
			int a = above;
			for (int r = first; r < count; r++) {
				while (a < first && end[a] + reach < start[r])
					a++;
				for (int b = a; b < first && start[b] <= end[r] + reach; b++)
					if (value[b] == value[r]) union(b, r);
			}
		}

		int find(int r) {
			while (parent[r] != r) {
				// Path halving: every other run on the way points to its grandparent.
				parent[r] = parent[parent[r]];
				r = parent[r];
			}
			return r;
		}

		void union(final int a, final int b) {
			final int ra = find(a);
			final int rb = find(b);
			if (ra < rb) parent[rb] = ra;
			else if (rb < ra) parent[ra] = rb;
		}

		/**
		 * Numbers the sets in the order of their roots, i.e. of their first pixels in raster order, and paints
		 * every run with its set's number; returns the number of sets.
		 */
		int paint(final int width, final int[] out) {
			Arrays.fill(out, 0);
			final int[] number = new int[count];
			int labels = 0;
			for (int r = 0; r < count; r++) {
				// A run's parent is an earlier run (roots are smallest), so its root is already resolved.
				final int root = parent[r] == r ? r : parent[parent[r]];
				parent[r] = root;
				number[r] = root == r ? ++labels : number[root];
				final int offset = row[r] * width;
				Arrays.fill(out, offset + start[r], offset + end[r] + 1, number[r]);
			}
			return labels;
		}
	}
}
