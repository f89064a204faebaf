package org.fewshotct.core.label;

import java.util.Arrays;

/**
 * The watershed's priority queue, the same binary min-heap as scikit-image's: ordered by priority, then by
 * age (seeds all have age 0, every later entry the next age), with the same sift steps, so that even seeds
 * of equal priority leave it in scikit-image's order.
 * <p>
 * The heap holds only a priority and an entry id per entry; an entry's pixel, label and offset from its seed
 * sit in arrays indexed by its age, written once. A seed's id is -1 - its pixel. Sifting thus moves 12 bytes
 * instead of a whole entry; a 512x512 flood pushes some 300,000 entries.
 * </p>
 */
final class FloodQueue {

	private double[] priority;
	private int[] id;
	private int size;

	private int[] pixelOf;
	private int[] labelOf;
	private int[] offsetOf;
	private int age;

	private int topId;

	FloodQueue(final int capacity) {
		final int c = Math.max(16, capacity);
		priority = new double[c];
		id = new int[c];
		pixelOf = new int[c];
		labelOf = new int[c];
		offsetOf = new int[c];
	}

	/** Adds a seed pixel (age 0). */
	void pushSeed(final double p, final int pixel) {
		push(p, -1 - pixel);
	}

	/** Adds a flooded pixel with its label and packed offset from its seed, at the next age. */
	void push(final double p, final int pixel, final int label, final int offset) {
		if (++age == pixelOf.length) {
			final int c = pixelOf.length + (pixelOf.length >> 1);
			pixelOf = Arrays.copyOf(pixelOf, c);
			labelOf = Arrays.copyOf(labelOf, c);
			offsetOf = Arrays.copyOf(offsetOf, c);
		}
		pixelOf[age] = pixel;
		labelOf[age] = label;
		offsetOf[age] = offset;
		push(p, age);
	}

	private void push(final double p, final int entry) {
		if (size == priority.length) {
			final int c = size + (size >> 1);
			priority = Arrays.copyOf(priority, c);
			id = Arrays.copyOf(id, c);
		}
		int i = size++;
		while (i > 0) {
			final int parent = (i - 1) >>> 1;
			if (!before(p, entry, priority[parent], id[parent])) break;
			priority[i] = priority[parent];
			id[i] = id[parent];
			i = parent;
		}
		priority[i] = p;
		id[i] = entry;
	}

	/** Removes the first entry, to be read with {@link #isSeed()}, {@link #pixel()} ...; false when empty. */
	boolean pop() {
		if (size == 0) return false;
		topId = id[0];
		final int last = --size;
		if (last == 0) return true;
		final double p = priority[last];
		final int entry = id[last];
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= last) break;
			if (child + 1 < last && before(priority[child + 1], id[child + 1], priority[child], id[child])) child++;
			if (!before(priority[child], id[child], p, entry)) break;
			priority[i] = priority[child];
			id[i] = id[child];
			i = child;
		}
		priority[i] = p;
		id[i] = entry;
		return true;
	}

	boolean isSeed() {
		return topId < 0;
	}

	int pixel() {
		return topId < 0 ? -1 - topId : pixelOf[topId];
	}

	/** The label a flooded entry carries (seeds carry theirs in the label image). */
	int label() {
		return labelOf[topId];
	}

	/** The packed offset of a flooded entry from its seed. */
	int offset() {
		return offsetOf[topId];
	}

	/**
	 * Priority first, then age: seeds (negative ids) are all age 0, other ids are their age. This is
	 * scikit-image's order; its sift steps and this one choose the same child on every tie.
	 */
	private static boolean before(final double p1, final int id1, final double p2, final int id2) {
		return p1 < p2 || p1 == p2 && Math.max(id1, 0) < Math.max(id2, 0);
	}
}
