package org.fewshotct.core.instances;

/** Erosion of masks within instances, for the decoder's splits ({@link FatPlanes}, {@link DarkerRegions}). */
final class InstanceErosion {

	private InstanceErosion() {}

	/**
	 * {@code mask} eroded {@code steps} times by the 4-neighbourhood, each pixel's neighbours counted only where
	 * they carry the same label (another instance's pixel is an edge); off the slice counts as inside.
	 */
	static boolean[] erode(final boolean[] mask, final int[] labels, final int width, final int height,
		final int steps)
	{
		boolean[] current = mask.clone();
		for (int s = 0; s < steps; s++) {
			final boolean[] next = new boolean[current.length];
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++) {
					final int i = y * width + x;
					next[i] = current[i] && inside(current, labels, labels[i], x - 1, y, width, height) && inside(current, labels,
						labels[i], x + 1, y, width, height) && inside(current, labels, labels[i], x, y - 1, width, height) &&
						inside(current, labels, labels[i], x, y + 1, width, height);
				}
			current = next;
		}
		return current;
	}

	private static boolean inside(final boolean[] mask, final int[] labels, final int label, final int x,
		final int y, final int width, final int height)
	{
		if (x < 0 || y < 0 || x >= width || y >= height) return true;
		final int j = y * width + x;
		return mask[j] && labels[j] == label;
	}
}
