package org.fewshotct.core.filter;

import java.util.Arrays;

/**
 * A histogram of 8-bit values that a window adds to and removes from as it slides. A second level of 16
 * coarse bins keeps every rank query (median, minimum, maximum) to at most 32 steps.
 */
final class SlidingHistogram {

	private final int[] fine = new int[256];
	private final int[] coarse = new int[16];
	private int count;

	void clear() {
		Arrays.fill(fine, 0);
		Arrays.fill(coarse, 0);
		count = 0;
	}

	void add(final int value) {
		fine[value]++;
		coarse[value >>> 4]++;
		count++;
	}

	void remove(final int value) {
		fine[value]--;
		coarse[value >>> 4]--;
		count--;
	}

	int count() {
		return count;
	}

	/** The value of 0-based rank {@code k} among the counted values (0 = smallest); needs k < count. */
	int rank(final int k) {
		int below = 0;
		int block = 0;
		while (below + coarse[block] <= k)
			below += coarse[block++];
		int value = block << 4;
		while (true) {
			below += fine[value];
			if (below > k) return value;
			value++;
		}
	}

	/** The smallest counted value; needs count > 0. */
	int minimum() {
		int block = 0;
		while (coarse[block] == 0)
			block++;
		int value = block << 4;
		while (fine[value] == 0)
			value++;
		return value;
	}

	/** The largest counted value; needs count > 0. */
	int maximum() {
		int block = 15;
		while (coarse[block] == 0)
			block--;
		int value = (block << 4) + 15;
		while (fine[value] == 0)
			value--;
		return value;
	}
}
