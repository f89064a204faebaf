package org.fewshotct.core.label;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.IntType;

/**
 * Connected components of a binary mask, as scipy.ndimage.label does them: components numbered 1..n in the
 * raster order of their first pixel, 0 outside the mask.
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
		java.util.Arrays.fill(out, 0);
		final int[] queue = new int[mask.length];
		int count = 0;
		for (int start = 0; start < mask.length; start++) {
			if (!mask[start] || out[start] != 0) continue;
			out[start] = ++count;
			int head = 0;
			int tail = 0;
			queue[tail++] = start;
			while (head < tail) {
				final int i = queue[head++];
				final int x = i % width;
				final int y = i / width;
				for (int k = 0; k < connectivity.count(); k++) {
					final int nx = x + connectivity.dx(k);
					final int ny = y + connectivity.dy(k);
					if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
					final int n = ny * width + nx;
					if (mask[n] && out[n] == 0) {
						out[n] = count;
						queue[tail++] = n;
					}
				}
			}
		}
		return count;
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
}
