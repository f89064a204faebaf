package org.fewshotct.core.label;

import java.util.Arrays;

/**
 * The watershed's priority queue: a binary min-heap of entries ordered by priority, then by age (the order
 * they were pushed in). Ages are unique, so the order is total and the flood does not depend on how the heap
 * breaks ties. The heap holds a priority and an age per entry; an entry's pixel, label and offset from its
 * seed sit in arrays indexed by age, written once, so sifting moves 12 bytes per step.
 */
final class FloodQueue {

	private double[] priority;
	private int[] ages;
	private int size;

	private int[] pixelOf;
	private int[] labelOf;
	private int[] offsetOf;
	private int age;

	private int top;

	FloodQueue(final int capacity) {
		final int c = Math.max(16, capacity);
		priority = new double[c];
		ages = new int[c];
		pixelOf = new int[c];
		labelOf = new int[c];
		offsetOf = new int[c];
	}

	/** Empties the queue and restarts the ages, keeping its buffers. */
	void clear() {
		size = 0;
		age = 0;
	}

	/** Adds an entry: a pixel with the label it brings and its packed offset from its seed, at the next age. */
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
		if (size == priority.length) {
			final int c = size + (size >> 1);
			priority = Arrays.copyOf(priority, c);
			ages = Arrays.copyOf(ages, c);
		}
		int i = size++;
		while (i > 0) {
			final int parent = (i - 1) >>> 1;
			if (!(p < priority[parent])) break; // an equal priority was pushed earlier: it stays first
			priority[i] = priority[parent];
			ages[i] = ages[parent];
			i = parent;
		}
		priority[i] = p;
		ages[i] = age;
	}

	/** Removes the first entry, to be read with {@link #age()}, {@link #pixel()} ...; false when empty. */
	boolean pop() {
		if (size == 0) return false;
		top = ages[0];
		final int last = --size;
		if (last == 0) return true;
		final double p = priority[last];
		final int a = ages[last];
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= last) break;
			if (child + 1 < last && before(priority[child + 1], ages[child + 1], priority[child], ages[child])) child++;
			if (!before(priority[child], ages[child], p, a)) break;
			priority[i] = priority[child];
			ages[i] = ages[child];
			i = child;
		}
		priority[i] = p;
		ages[i] = a;
		return true;
	}

	/** The age of the last popped entry: 1 for the first entry pushed. */
	int age() {
		return top;
	}

	int pixel() {
		return pixelOf[top];
	}

	int label() {
		return labelOf[top];
	}

	/** The packed offset of the last popped entry from its seed. */
	int offset() {
		return offsetOf[top];
	}

	private static boolean before(final double p1, final int a1, final double p2, final int a2) {
		return p1 < p2 || p1 == p2 && a1 < a2;
	}
}
