package org.fewshotct.core.instances;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * How long instances touch: per unordered pair of different labels, the number of 4-neighbour pixel sides between
 * them, counting only pixels that pass a test (the air-filled instances' pixels, the dense pixels of instances of
 * bone). Each pair is one key: the smaller label in the high 32 bits, the larger in the low ones.
 */
final class LabelContacts {

	private LabelContacts() {}

	/** The contacts of {@code labels}, where both pixels of a side pass {@code counted} (a pixel index test). */
	static Map<Long, Integer> count(final int[] labels, final int width, final int height, final IntPredicate counted) {
		final Map<Long, Integer> contacts = new HashMap<>();
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				if (!counted.test(i)) continue;
				if (x + 1 < width) touch(contacts, labels, counted, i, i + 1);
				if (y + 1 < height) touch(contacts, labels, counted, i, i + width);
			}
		return contacts;
	}

	/** The smaller label of a pair's key. */
	static int smaller(final long pair) {
		return (int) (pair >>> 32);
	}

	/** The larger label of a pair's key. */
	static int larger(final long pair) {
		return (int) pair;
	}

	private static void touch(final Map<Long, Integer> contacts, final int[] labels, final IntPredicate counted,
		final int i, final int j)
	{
		if (labels[i] == labels[j] || !counted.test(j)) return;
		final int a = Math.min(labels[i], labels[j]), b = Math.max(labels[i], labels[j]);
		contacts.merge((long) a << 32 | b, 1, Integer::sum);
	}
}
