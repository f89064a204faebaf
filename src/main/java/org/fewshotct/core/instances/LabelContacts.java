package org.fewshotct.core.instances;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * How long instances touch: per unordered pair of different labels, the number of 4-neighbour pixel sides between
 * them (or a value summed over those sides), counting only pixels that pass a test (the air-filled instances'
 * pixels, the dense pixels of instances of bone, the foreground). Each pair is one key: the smaller label in the
 * high 32 bits, the larger in the low ones.
 */
final class LabelContacts {

	private LabelContacts() {}

	/** The contacts of {@code labels}, where both pixels of a side pass {@code counted} (a pixel index test). */
	static Map<Long, Integer> count(final int[] labels, final int width, final int height, final IntPredicate counted) {
		final Map<Long, Integer> contacts = new HashMap<>();
		forEachSide(labels, width, height, counted, (pair, i, j) -> contacts.merge(pair, 1, Integer::sum));
		return contacts;
	}

	/** A value read off the side between pixels {@code i} and {@code j}. */
	interface SideValue {

		double of(int i, int j);
	}

	/** Per pair as {@link #count} finds them: {the sum of {@code value} over the pair's sides, their number}. */
	static Map<Long, double[]> sum(final int[] labels, final int width, final int height, final IntPredicate counted,
		final SideValue value)
	{
		final Map<Long, double[]> sums = new HashMap<>();
		forEachSide(labels, width, height, counted, (pair, i, j) -> {
			final double[] sum = sums.computeIfAbsent(pair, k -> new double[2]);
			sum[0] += value.of(i, j);
			sum[1]++;
		});
		return sums;
	}

	/** The smaller label of a pair's key. */
	static int smaller(final long pair) {
		return (int) (pair >>> 32);
	}

	/** The larger label of a pair's key. */
	static int larger(final long pair) {
		return (int) pair;
	}

	private interface SideVisitor {

		void visit(long pair, int i, int j);
	}

	/** Every 4-neighbour side between two different labels whose pixels both pass {@code counted}. */
	private static void forEachSide(final int[] labels, final int width, final int height, final IntPredicate counted,
		final SideVisitor visitor)
	{
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				if (!counted.test(i)) continue;
				if (x + 1 < width) touch(labels, counted, visitor, i, i + 1);
				if (y + 1 < height) touch(labels, counted, visitor, i, i + width);
			}
	}

	private static void touch(final int[] labels, final IntPredicate counted, final SideVisitor visitor, final int i,
		final int j)
	{
		if (labels[i] == labels[j] || !counted.test(j)) return;
		final int a = Math.min(labels[i], labels[j]), b = Math.max(labels[i], labels[j]);
		visitor.visit((long) a << 32 | b, i, j);
	}
}
