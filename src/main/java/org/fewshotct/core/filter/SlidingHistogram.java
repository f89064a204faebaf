package org.fewshotct.core.filter;

import java.util.Arrays;

/**
 * A histogram of 8-bit values that a window adds to and removes from as it slides, with its median. Between
 * two windows only a few values change, so the median is tracked rather than searched for: a candidate value
 * with the count of values below it (Huang's method), which a query walks only as far as the median moved.
 */
final class SlidingHistogram {

	private final int[] counts = new int[256];
	private int count;
	/** The median candidate, and how many values lie below it. */
	private int median;
	private int below;

	void clear() {
		Arrays.fill(counts, 0);
		count = 0;
		median = 0;
		below = 0;
	}

	void add(final int value) {
		counts[value]++;
		count++;
		below += (value - median) >>> 31;
	}

	void remove(final int value) {
		counts[value]--;
		count--;
		below -= (value - median) >>> 31;
	}

	/**
	 * The smallest value whose cumulative count exceeds half the count: the middle value of an odd count, the
	 * upper middle one of an even count. Needs count > 0.
	 */
	int median() {
		final int half = count >> 1;
		while (below > half)
			below -= counts[--median];
		while (below + counts[median] <= half)
			below += counts[median++];
		return median;
	}
}
