package org.fewshotct.core.metric;

import java.util.Arrays;

/**
 * The contingency table of truth against prediction on the pixels where truth > 0, reduced to the sums the
 * Rand indices need. Labels are first mapped to dense indices so the table is a small dense array.
 */
final class Contingency {

	private static final int LABELS = 1 << 16;
	private static final long DENSE_LIMIT = 1L << 24;

	long pixels;
	long sumSquares;
	long sumTruthSquares;
	long sumPredictedSquares;
	int truthLabels;
	int predictedLabels;

	static Contingency of(final int[] truth, final int[] prediction) {
		final int[] truthIndex = new int[LABELS];
		final int[] predictedIndex = new int[LABELS];
		Arrays.fill(truthIndex, -1);
		Arrays.fill(predictedIndex, -1);
		final Contingency c = new Contingency();
		int scored = 0;
		for (int i = 0; i < truth.length; i++) {
			final int t = truth[i];
			if (t <= 0) continue;
			checkLabel(t, i, "truth");
			final int p = prediction[i];
			checkLabel(p, i, "prediction");
			scored++;
			if (truthIndex[t] < 0) truthIndex[t] = c.truthLabels++;
			if (predictedIndex[p] < 0) predictedIndex[p] = c.predictedLabels++;
		}
		c.pixels = scored;
		if (scored == 0) return c;
		final long cells = (long) c.truthLabels * c.predictedLabels;
		final long[] truthSizes = new long[c.truthLabels];
		final long[] predictedSizes = new long[c.predictedLabels];
		if (cells <= DENSE_LIMIT) {
			final int[] table = new int[(int) cells];
			for (int i = 0; i < truth.length; i++) {
				final int t = truth[i];
				if (t <= 0) continue;
				final int ti = truthIndex[t];
				final int pi = predictedIndex[prediction[i]];
				table[ti * c.predictedLabels + pi]++;
				truthSizes[ti]++;
				predictedSizes[pi]++;
			}
			for (final int count : table)
				c.sumSquares += (long) count * count;
		}
		else c.sumSquares = sparseSumSquares(truth, prediction, truthIndex, predictedIndex, c.predictedLabels,
			truthSizes, predictedSizes);
		for (final long size : truthSizes)
			c.sumTruthSquares += size * size;
		for (final long size : predictedSizes)
			c.sumPredictedSquares += size * size;
		return c;
	}

	/** For very many labels: sort the (truth, prediction) cell keys and count runs. */
	private static long sparseSumSquares(final int[] truth, final int[] prediction, final int[] truthIndex,
		final int[] predictedIndex, final int predictedLabels, final long[] truthSizes, final long[] predictedSizes)
	{
		final long[] keys = new long[truth.length];
		int n = 0;
		for (int i = 0; i < truth.length; i++) {
			if (truth[i] <= 0) continue;
			final int ti = truthIndex[truth[i]];
			final int pi = predictedIndex[prediction[i]];
			truthSizes[ti]++;
			predictedSizes[pi]++;
			keys[n++] = (long) ti * predictedLabels + pi;
		}
		Arrays.sort(keys, 0, n);
		long sum = 0;
		for (int i = 0; i < n;) {
			int j = i;
			while (j < n && keys[j] == keys[i])
				j++;
			sum += (long) (j - i) * (j - i);
			i = j;
		}
		return sum;
	}

	private static void checkLabel(final int label, final int pixel, final String which) {
		if (label < 0 || label >= LABELS)
			throw new IllegalArgumentException(which + " label " + label + " at pixel " + pixel + " is outside 0..65535");
	}
}
