package org.fewshotct.core.instances;

/**
 * Per label of an instance image: the largest label, and whether enough of a label's pixels lie in a mask (the
 * air-filled instances, the instances of bone).
 */
final class LabelShares {

	private LabelShares() {}

	/** The largest label of {@code labels} (0 for an image with none). */
	static int maxLabel(final int[] labels) {
		int maxLabel = 0;
		for (final int label : labels)
			maxLabel = Math.max(maxLabel, label);
		return maxLabel;
	}

	/**
	 * For labels 0..{@code maxLabel}: whether the label holds pixels and at least {@code share} of them lie in
	 * {@code mask}.
	 */
	static boolean[] atLeast(final int[] labels, final boolean[] mask, final int maxLabel, final double share) {
		final int[] area = new int[maxLabel + 1];
		final int[] inMask = new int[maxLabel + 1];
		for (int i = 0; i < labels.length; i++) {
			area[labels[i]]++;
			if (mask[i]) inMask[labels[i]]++;
		}
		final boolean[] enough = new boolean[maxLabel + 1];
		for (int label = 1; label <= maxLabel; label++)
			enough[label] = area[label] > 0 && inMask[label] >= share * area[label];
		return enough;
	}
}
