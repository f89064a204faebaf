package org.fewshotct.core.instances;

/**
 * Erosion of masks within instances, growth back, and the 4-neighbourhood they walk, for the decoder's splits
 * ({@link FatPlanes}, {@link DarkerRegions}), its air regions ({@link AirRegions}) and the body's opening
 * ({@link BodyMask}).
 */
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

	/**
	 * Grows the labelled parts {@code steps} times into their 4-neighbours that lie in {@code within} and in the
	 * same instance (a conditional dilation, undoing an opening's erosion within {@code within}).
	 */
	static void grow(final int[] parts, final boolean[] within, final int[] labels, final int width,
		final int height, final int steps)
	{
		for (int s = 0; s < steps; s++) {
			final int[] before = parts.clone();
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++) {
					final int i = y * width + x;
					if (before[i] != 0 || !within[i]) continue;
					for (int d = 0; d < 4; d++) {
						final int j = neighbour(x, y, d, width, height);
						if (j >= 0 && before[j] != 0 && labels[j] == labels[i]) {
							parts[i] = before[j];
							break;
						}
					}
				}
		}
	}

	/** The index of the 4-neighbour {@code d} (left, right, up, down) of (x, y), or -1 off the slice. */
	static int neighbour(final int x, final int y, final int d, final int width, final int height) {
		final int xx = x + (d == 0 ? -1 : d == 1 ? 1 : 0);
		final int yy = y + (d == 2 ? -1 : d == 3 ? 1 : 0);
		return xx < 0 || yy < 0 || xx >= width || yy >= height ? -1 : yy * width + xx;
	}

	private static boolean inside(final boolean[] mask, final int[] labels, final int label, final int x,
		final int y, final int width, final int height)
	{
		if (x < 0 || y < 0 || x >= width || y >= height) return true;
		final int j = y * width + x;
		return mask[j] && labels[j] == label;
	}
}
