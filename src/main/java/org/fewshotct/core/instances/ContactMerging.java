package org.fewshotct.core.instances;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins touching instances that the maps do not separate. Seeds split a structure wherever its interior
 * probability dips below the marker threshold (a vessel, a lesion, texture the training slices never showed),
 * and the flood then cuts it along that dip; a true boundary between two structures is where the network
 * predicts the boundary class. So two instances whose contact line carries a low mean boundary probability
 * are one structure, and become one.
 */
final class ContactMerging {

	private ContactMerging() {}

	/** Merges, in place, touching labels whose mean boundary probability along their contact is below {@code threshold}. */
	static void merge(final int[] labels, final float[] boundary, final int width, final int height,
		final double threshold)
	{
		final Map<Long, double[]> contacts = new HashMap<>();
		int maxLabel = 0;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				final int a = labels[i];
				maxLabel = Math.max(maxLabel, a);
				if (a == 0) continue;
				if (x + 1 < width) addContact(contacts, a, labels[i + 1], boundary[i], boundary[i + 1]);
				if (y + 1 < height) addContact(contacts, a, labels[i + width], boundary[i], boundary[i + width]);
			}
		}
		final List<long[]> weak = new ArrayList<>();
		for (final Map.Entry<Long, double[]> contact : contacts.entrySet()) {
			final double[] sums = contact.getValue();
			if (sums[0] / sums[1] < threshold) weak.add(new long[] { contact.getKey() });
		}
		if (weak.isEmpty()) return;
		final int[] parent = new int[maxLabel + 1];
		for (int l = 0; l <= maxLabel; l++)
			parent[l] = l;
		for (final long[] pair : weak)
			union(parent, (int) (pair[0] >>> 32), (int) pair[0]);
		for (int i = 0; i < labels.length; i++)
			if (labels[i] > 0) labels[i] = root(parent, labels[i]);
	}

	/** A contact pair's boundary probability: the larger of the two pixels facing each other. */
	private static void addContact(final Map<Long, double[]> contacts, final int a, final int b, final float pa,
		final float pb)
	{
		if (b == 0 || b == a) return;
		final long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
		final double[] sums = contacts.computeIfAbsent(key, k -> new double[2]);
		sums[0] += Math.max(pa, pb);
		sums[1]++;
	}

	private static int root(final int[] parent, int l) {
		while (parent[l] != l) {
			parent[l] = parent[parent[l]];
			l = parent[l];
		}
		return l;
	}

	private static void union(final int[] parent, final int a, final int b) {
		final int ra = root(parent, a);
		final int rb = root(parent, b);
		if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
	}
}
