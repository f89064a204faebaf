package org.fewshotct.core.instances;

/**
 * Per label of an instance image: the largest label, whether enough of a label's pixels lie in a mask (the
 * air-filled instances, the instances of bone), and the values of a label's pixels in a mask (an organ's core).
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

	/**
	 * For labels 0..{@code maxLabel}: the {@code values} of the label's pixels that lie in {@code mask}, or null
	 * where fewer than {@code minCount} do (and for label 0).
	 */
	static float[][] valuesIn(final int[] labels, final boolean[] mask, final float[] values, final int maxLabel,
		final int minCount)
	{
		final int[] count = new int[maxLabel + 1];
		for (int i = 0; i < labels.length; i++)
			if (mask[i]) count[labels[i]]++;
		final float[][] in = new float[maxLabel + 1][];
		for (int label = 1; label <= maxLabel; label++)
			if (count[label] >= minCount) in[label] = new float[count[label]];
		final int[] filled = new int[maxLabel + 1];
		for (int i = 0; i < labels.length; i++)
			if (mask[i] && in[labels[i]] != null) in[labels[i]][filled[labels[i]]++] = values[i];
		return in;
	}
}
