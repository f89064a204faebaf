package org.fewshotct.core.metric;

import java.util.Arrays;

/**
 * The contingency table of truth against prediction on the pixels where truth > 0, reduced to the sums the
 * Rand indices need. Labels (unsigned 16-bit) are mapped to dense indices so the table is a small dense
 * array; the index maps are kept per thread and cleared label by label, so a slice costs two passes over its
 * pixels and nothing in proportion to the label range.
 */
final class Contingency {

	private static final int LABELS = 1 << 16;
	private static final long DENSE_LIMIT = 1L << 24;

	/** Per thread: label -> dense index + 1 (0 = unseen) for truth and prediction, and scored-pixel pairs. */
	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	long pixels;
	long sumSquares;
	long sumTruthSquares;
	long sumPredictedSquares;
	int truthLabels;
	int predictedLabels;

	private static final class Scratch {

		final int[] truthIndex = new int[LABELS];
		final int[] predictedIndex = new int[LABELS];
		final int[] truthSeen = new int[LABELS];
		final int[] predictedSeen = new int[LABELS];
		int[] pairs = new int[0];
	}

	/** Truth and prediction as unsigned 16-bit labels. */
	static Contingency of(final short[] truth, final short[] prediction) {
		final Scratch scratch = SCRATCH.get();
		final int[] truthIndex = scratch.truthIndex;
		final int[] predictedIndex = scratch.predictedIndex;
		if (scratch.pairs.length < truth.length) scratch.pairs = new int[truth.length];
		final int[] pairs = scratch.pairs;
		final Contingency c = new Contingency();
		final int[] truthSeen = scratch.truthSeen;
		final int[] predictedSeen = scratch.predictedSeen;
		int scored = 0;
		for (int i = 0; i < truth.length; i++) {
			final int t = truth[i] & 0xffff;
			if (t == 0) continue;
			final int p = prediction[i] & 0xffff;
			int ti = truthIndex[t];
			if (ti == 0) {
				truthSeen[c.truthLabels] = t;
				ti = truthIndex[t] = ++c.truthLabels;
			}
			int pi = predictedIndex[p];
			if (pi == 0) {
				predictedSeen[c.predictedLabels] = p;
				pi = predictedIndex[p] = ++c.predictedLabels;
			}
			pairs[scored++] = (ti - 1) << 16 | (pi - 1);
		}
		for (int k = 0; k < c.truthLabels; k++)
			truthIndex[truthSeen[k]] = 0;
		for (int k = 0; k < c.predictedLabels; k++)
			predictedIndex[predictedSeen[k]] = 0;
		c.pixels = scored;
		if (scored > 0) c.sum(pairs, scored);
		return c;
	}

	private void sum(final int[] pairs, final int n) {
		final long[] truthSizes = new long[truthLabels];
		final long[] predictedSizes = new long[predictedLabels];
		for (int k = 0; k < n; k++) {
			truthSizes[pairs[k] >>> 16]++;
			predictedSizes[pairs[k] & 0xffff]++;
		}
		if ((long) truthLabels * predictedLabels <= DENSE_LIMIT) {
			final int[] table = new int[truthLabels * predictedLabels];
			for (int k = 0; k < n; k++)
				table[(pairs[k] >>> 16) * predictedLabels + (pairs[k] & 0xffff)]++;
			for (final int count : table)
				sumSquares += (long) count * count;
		}
		else {
			// Very many labels: sort the cell keys and count runs.
			final int[] keys = Arrays.copyOf(pairs, n);
			Arrays.sort(keys);
			for (int i = 0; i < n;) {
				int j = i;
				while (j < n && keys[j] == keys[i])
					j++;
				sumSquares += (long) (j - i) * (j - i);
				i = j;
			}
		}
		for (final long size : truthSizes)
			sumTruthSquares += size * size;
		for (final long size : predictedSizes)
			sumPredictedSquares += size * size;
	}
}
