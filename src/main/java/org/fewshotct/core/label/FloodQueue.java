package org.fewshotct.core.label;

import java.util.Arrays;

/**
 * The watershed's priority queue: a binary min-heap of (priority, age, pixel, source) entries in parallel
 * primitive arrays, ordered by priority and, for equal priorities, by age (first pushed, first out), as in
 * scikit-image. No objects per entry: a 512x512 flood pushes about a million of them.
 */
final class FloodQueue {

	private double[] priority;
	private int[] age;
	private int[] pixel;
	private int[] source;
	private int size;

	FloodQueue(final int capacity) {
		final int c = Math.max(16, capacity);
		priority = new double[c];
		age = new int[c];
		pixel = new int[c];
		source = new int[c];
	}

	boolean isEmpty() {
		return size == 0;
	}

	void clear() {
		size = 0;
	}

	void push(final double p, final int a, final int px, final int src) {
		if (size == priority.length) grow();
		int i = size++;
		while (i > 0) {
			final int parent = (i - 1) >>> 1;
			if (!before(p, a, priority[parent], age[parent])) break;
			move(parent, i);
			i = parent;
		}
		set(i, p, a, px, src);
	}

	/** The last popped entry's pixel and source. */
	private int topPixel;
	private int topSource;

	/** Removes the top entry; read it with {@link #pixel()} and {@link #source()}. */
	void pop() {
		topPixel = pixel[0];
		topSource = source[0];
		final int last = --size;
		if (last == 0) return;
		final double p = priority[last];
		final int a = age[last];
		final int px = pixel[last];
		final int src = source[last];
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= last) break;
			if (child + 1 < last && before(priority[child + 1], age[child + 1], priority[child], age[child])) child++;
			if (!before(priority[child], age[child], p, a)) break;
			move(child, i);
			i = child;
		}
		set(i, p, a, px, src);
	}

	int pixel() {
		return topPixel;
	}

	int source() {
		return topSource;
	}

	private static boolean before(final double p1, final int a1, final double p2, final int a2) {
		return p1 < p2 || (p1 == p2 && a1 < a2);
	}

	private void move(final int from, final int to) {
		set(to, priority[from], age[from], pixel[from], source[from]);
	}

	private void set(final int i, final double p, final int a, final int px, final int src) {
		priority[i] = p;
		age[i] = a;
		pixel[i] = px;
		source[i] = src;
	}

	private void grow() {
		final int c = priority.length * 2;
		priority = Arrays.copyOf(priority, c);
		age = Arrays.copyOf(age, c);
		pixel = Arrays.copyOf(pixel, c);
		source = Arrays.copyOf(source, c);
	}
}
