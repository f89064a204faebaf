package org.fewshotct.core.view;

import java.util.Arrays;

/**
 * How the labels of a prediction slice overlap the structures of its truth slice, on the pixels where truth
 * > 0 (the pixels the metric scores; predicted 0 there counts as one more label, as the metric counts it).
 * Ties go to the smaller label value, so every answer is deterministic.
 */
public final class Overlaps {

	private final int[] majority;
	private final int[] claims;
	private final int[] bestTruth;

	private Overlaps(final int[] majority, final int[] claims, final int[] bestTruth) {
		this.majority = majority;
		this.claims = claims;
		this.bestTruth = bestTruth;
	}

	/** The overlaps of a prediction with a truth slice of the same size; labels 0..65535. */
	public static Overlaps of(final int[] truth, final int[] prediction) {
		if (truth.length != prediction.length)
			throw new IllegalArgumentException("truth has " + truth.length + " pixels, prediction " + prediction.length);
		int maxTruth = 0;
		int maxPredicted = 0;
		int scored = 0;
		for (int i = 0; i < truth.length; i++)
			if (truth[i] > 0) {
				scored++;
				maxTruth = Math.max(maxTruth, truth[i]);
				maxPredicted = Math.max(maxPredicted, prediction[i]);
			}
		final long[] pairs = new long[scored];
		scored = 0;
		for (int i = 0; i < truth.length; i++)
			if (truth[i] > 0) pairs[scored++] = (long) truth[i] << 32 | prediction[i];
		Arrays.sort(pairs);
		final int[] majority = filled(maxTruth + 1);
		final long[] majorityCount = new long[maxTruth + 1];
		final int[] bestTruth = filled(maxPredicted + 1);
		final long[] bestTruthCount = new long[maxPredicted + 1];
		for (int i = 0; i < pairs.length;) {
			int j = i;
			while (j < pairs.length && pairs[j] == pairs[i])
				j++;
			final int t = (int) (pairs[i] >>> 32);
			final int p = (int) pairs[i];
			final long count = j - i;
			// Pairs arrive in increasing (t, p) order, so a strict > keeps the smaller label on a tie.
			if (count > majorityCount[t]) {
				majorityCount[t] = count;
				majority[t] = p;
			}
			if (count > bestTruthCount[p]) {
				bestTruthCount[p] = count;
				bestTruth[p] = t;
			}
			i = j;
		}
		final int[] claims = new int[maxPredicted + 1];
		for (final int p : majority)
			if (p >= 0) claims[p]++;
		return new Overlaps(majority, claims, bestTruth);
	}

	/** The predicted label covering most pixels of truth structure {@code t}, or -1 if {@code t} is absent. */
	public int majority(final int t) {
		return t > 0 && t < majority.length ? majority[t] : -1;
	}

	/** How many truth structures have predicted label {@code p} as their majority label. */
	public int claims(final int p) {
		return p >= 0 && p < claims.length ? claims[p] : 0;
	}

	/** The truth structure sharing most pixels with predicted label {@code p}, or -1 if it covers none. */
	public int bestTruth(final int p) {
		return p >= 0 && p < bestTruth.length ? bestTruth[p] : -1;
	}

	/**
	 * Colour preferences for the prediction's labels (palette index by label value): a predicted label that
	 * is the majority label of the truth structure it overlaps most wears that structure's colour, so a
	 * structure looks the same in the truth and in every method that found it.
	 */
	public int[] preferredColours(final int[] truthColours) {
		final int[] preferred = filled(bestTruth.length);
		for (int p = 1; p < bestTruth.length; p++) {
			final int t = bestTruth[p];
			if (t > 0 && majority[t] == p && t < truthColours.length) preferred[p] = truthColours[t];
		}
		return preferred;
	}

	private static int[] filled(final int length) {
		final int[] array = new int[length];
		Arrays.fill(array, -1);
		return array;
	}
}
