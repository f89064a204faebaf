package org.fewshotct.core.filter;

import java.util.Arrays;

/**
 * A histogram of 8-bit values that a window adds to and removes from as it slides. Between two windows only a
 * few values change, so the answers are tracked rather than searched for: the median as a value with the
 * count of values below it (Huang's method), the minimum and maximum as bounds that queries tighten. Each
 * query then walks only as far as the answer moved.
 */
final class SlidingHistogram {

	private final int[] counts = new int[256];
	private int count;
	/** The median candidate, and how many values lie below it. */
	private int median;
	private int below;
	/** No value lies below {@code low} or above {@code high}. */
	private int low;
	private int high;

	void clear() {
		Arrays.fill(counts, 0);
		count = 0;
		median = 0;
		below = 0;
		low = 255;
		high = 0;
	}

	void add(final int value) {
		counts[value]++;
		count++;
		below += (value - median) >>> 31;
		low = Math.min(low, value);
		high = Math.max(high, value);
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

	/** The smallest value counted; needs count > 0. */
	int minimum() {
		while (counts[low] == 0)
			low++;
		return low;
	}

	/** The largest value counted; needs count > 0. */
	int maximum() {
		while (counts[high] == 0)
			high--;
		return high;
	}
}
