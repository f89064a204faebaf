package org.fewshotct.core.view;

/**
 * Where a predicted label slice fails against its truth, pixel by pixel, in the two ways that lower the
 * adjusted Rand index: structures merged together and structures split apart.
 * <p>
 * For each truth structure T, let m(T) be the predicted label covering most of T's pixels (ties: the smaller
 * label value; predicted background 0 is a label like any other, as in the metric). Then every pixel of T is
 * exactly one of:
 * </p>
 * <ul>
 * <li>{@link #SPLIT}: its predicted label is not m(T): the pixel was split off its structure;</li>
 * <li>{@link #MERGED}: its predicted label is m(T), and m(T) is also m(T') for another truth structure T':
 * the pixel lies in a predicted label that merged T with T';</li>
 * <li>{@link #CORRECT}: otherwise.</li>
 * </ul>
 * Pixels outside the truth (truth = 0) are {@link #OUTSIDE}: the metric does not score them.
 */
public final class SegmentationErrors {

	public static final byte OUTSIDE = 0;
	public static final byte CORRECT = 1;
	public static final byte MERGED = 2;
	public static final byte SPLIT = 3;

	private SegmentationErrors() {}

	/** The error class of every pixel; truth and prediction are row-major slices of one size, labels 0..65535. */
	public static byte[] classify(final int[] truth, final int[] prediction) {
		final Overlaps overlaps = Overlaps.of(truth, prediction);
		final byte[] classes = new byte[truth.length];
		for (int i = 0; i < truth.length; i++) {
			if (truth[i] == 0) continue;
			final int m = overlaps.majority(truth[i]);
			if (prediction[i] != m) classes[i] = SPLIT;
			else classes[i] = overlaps.claims(m) > 1 ? MERGED : CORRECT;
		}
		return classes;
	}

	/** Counts of each class in a classified slice, indexed by class. */
	public static long[] count(final byte[] classes) {
		final long[] counts = new long[4];
		for (final byte c : classes)
			counts[c]++;
		return counts;
	}
}
