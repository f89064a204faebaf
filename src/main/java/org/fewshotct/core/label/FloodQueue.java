package org.fewshotct.core.label;

import java.util.Arrays;

/**
 * The watershed's priority queue: entries leave in order of priority, then of age (the order they were pushed
 * in). Ages are unique, so the order is total and the flood does not depend on how the queue is built.
 * <p>
 * A binary heap of every entry would be exact but slow: a CT slice pushes some 60,000 entries, thousands of
 * them queued at once, and each pop then sifts through a dozen levels with unpredictable branches. Here the
 * priority range is cut into {@value #BUCKETS} buckets, and only entries of buckets up to a ceiling sit in the
 * heap; entries of higher buckets wait unordered in one list per bucket. An entry in a higher bucket has a
 * strictly higher priority than every entry in the heap, since the bucket of a priority never decreases as
 * the priority grows (subtracting, scaling and truncating a double are all monotone). So the heap's first entry
 * is the queue's first, and when the heap runs empty the lowest non-empty bucket above the ceiling moves in and
 * becomes the ceiling. The heap stays small (about one bucket's worth), pushing to a list is constant time, and
 * the order is exactly that of a single heap: any bucket width is correct, the width only decides the speed.
 * </p>
 */
final class FloodQueue {

	/** Buckets across the priority range: fine enough that a bucket holds a handful of entries on a CT slice. */
	static final int BUCKETS = 1 << 14;

	/** bucket(p) = (p - origin) * scale, truncated and clamped to [0, BUCKETS). */
	private double origin;
	private double scale;
	/** The heap holds every entry of buckets <= ceiling; lists hold the entries of buckets above it. */
	private int ceiling;

	/** The heap: priority and age of each entry. */
	private double[] heapPriority;
	private int[] heapAge;
	private int size;

	/** The lists of the buckets above the ceiling, chained through {@link #next} by age. */
	private final int[] head = new int[BUCKETS];
	private final int[] tail = new int[BUCKETS];
	private final long[] occupied = new long[BUCKETS / 64];

	/** Per age: priority, the next age in its bucket's list, and pixel, label and offset side by side. */
	private double[] priority;
	private int[] next;
	private int[] payload;
	private int age;

	private int top;

	FloodQueue(final int capacity) {
		final int c = Math.max(16, capacity);
		heapPriority = new double[c];
		heapAge = new int[c];
		priority = new double[c];
		next = new int[c];
		payload = new int[3 * c];
	}

	/**
	 * Empties the queue and restarts the ages, keeping its buffers; its buckets will span priorities from
	 * {@code low} to {@code high}. Priorities outside that range (or NaN) still leave in order, only slower.
	 */
	void clear(final double low, final double high) {
		size = 0;
		age = 0;
		ceiling = -1;
		Arrays.fill(occupied, 0L);
		origin = Double.isFinite(low) ? low : 0;
		final double s = (BUCKETS - 1) / (high - origin);
		scale = high > origin && Double.isFinite(s) ? s : 0;
	}

	/** Adds an entry: a pixel with the label it brings and its packed offset from its seed, at the next age. */
	void push(final double p, final int pixel, final int label, final int offset) {
		if (++age == priority.length) grow();
		priority[age] = p;
		payload[3 * age] = pixel;
		payload[3 * age + 1] = label;
		payload[3 * age + 2] = offset;
		final int bucket = bucket(p);
		if (bucket <= ceiling) heapPush(p, age);
		else append(bucket, age);
	}

	/** Removes the first entry, to be read with {@link #age()}, {@link #pixel()} ...; false when empty. */
	boolean pop() {
		if (size == 0 && !raiseCeiling()) return false;
		top = heapAge[0];
		final int last = --size;
		if (last == 0) return true;
		final double p = heapPriority[last];
		final int a = heapAge[last];
		int i = 0;
		while (true) {
			int child = 2 * i + 1;
			if (child >= last) break;
			if (child + 1 < last && before(heapPriority[child + 1], heapAge[child + 1], heapPriority[child],
				heapAge[child])) child++;
			if (!before(heapPriority[child], heapAge[child], p, a)) break;
			heapPriority[i] = heapPriority[child];
			heapAge[i] = heapAge[child];
			i = child;
		}
		heapPriority[i] = p;
		heapAge[i] = a;
		return true;
	}

	/** The age of the last popped entry: 1 for the first entry pushed. */
	int age() {
		return top;
	}

	int pixel() {
		return payload[3 * top];
	}

	int label() {
		return payload[3 * top + 1];
	}

	/** The packed offset of the last popped entry from its seed. */
	int offset() {
		return payload[3 * top + 2];
	}

	private int bucket(final double p) {
		final double b = (p - origin) * scale;
		// NaN and negative values (below the range) go to bucket 0, values above the range to the last one.
		return b >= BUCKETS - 1 ? BUCKETS - 1 : b > 0 ? (int) b : 0;
	}

	private void append(final int bucket, final int a) {
		final long bit = 1L << bucket;
		final int word = bucket >>> 6;
		if ((occupied[word] & bit) == 0) {
			occupied[word] |= bit;
			head[bucket] = a;
		}
		else next[tail[bucket]] = a;
		tail[bucket] = a;
	}

	/** Moves the lowest non-empty bucket above the ceiling into the (empty) heap; false if there is none. */
	private boolean raiseCeiling() {
		final int from = ceiling + 1;
		int word = from >>> 6;
		if (word >= occupied.length) return false;
		long bits = occupied[word] & -1L << from;
		while (bits == 0) {
			if (++word == occupied.length) return false;
			bits = occupied[word];
		}
		final int bucket = word << 6 | Long.numberOfTrailingZeros(bits);
		occupied[word] &= ~(1L << bucket);
		ceiling = bucket;
		final int last = tail[bucket];
		for (int a = head[bucket];; a = next[a]) {
			heapPush(priority[a], a);
			if (a == last) return true;
		}
	}

	private void heapPush(final double p, final int a) {
		if (size == heapPriority.length) {
			final int c = size + (size >> 1);
			heapPriority = Arrays.copyOf(heapPriority, c);
			heapAge = Arrays.copyOf(heapAge, c);
		}
		// The heap fills from empty in order of age, so a pushed entry is the heap's youngest: among equal
		// priorities it stays behind.
		int i = size++;
		while (i > 0) {
			final int parent = (i - 1) >>> 1;
			if (!(p < heapPriority[parent])) break;
			heapPriority[i] = heapPriority[parent];
			heapAge[i] = heapAge[parent];
			i = parent;
		}
		heapPriority[i] = p;
		heapAge[i] = a;
	}

	private void grow() {
		final int c = priority.length + (priority.length >> 1);
		priority = Arrays.copyOf(priority, c);
		next = Arrays.copyOf(next, c);
		payload = Arrays.copyOf(payload, 3 * c);
	}

	private static boolean before(final double p1, final int a1, final double p2, final int a2) {
		return p1 < p2 || p1 == p2 && a1 < a2;
	}
}
