package org.fewshotct.core.metric;

import java.math.BigInteger;

/**
 * The challenge metric: adjusted Rand index (and plain Rand index) between a truth and a predicted label
 * slice, on the pixels where truth > 0. Computed from one contingency table with exact integer pair counts,
 * as scikit-learn's {@code adjusted_rand_score} and {@code rand_score} do, so values match to rounding.
 */
public final class RandIndex {

	private RandIndex() {}

	/** Scores of one slice. */
	public static final class Score {

		/** Adjusted Rand index; 1 for identical partitions, about 0 for chance. */
		public final double adjusted;
		/** Plain Rand index: the fraction of pixel pairs on which the two partitions agree. */
		public final double rand;
		/** Pixels scored (truth > 0). */
		public final long pixels;
		/** Distinct structures in the truth. */
		public final int truthStructures;
		/** Distinct prediction labels on the scored pixels (background 0 counts as one). */
		public final int predictedStructures;

		Score(final double adjusted, final double rand, final long pixels, final int truthStructures,
			final int predictedStructures)
		{
			this.adjusted = adjusted;
			this.rand = rand;
			this.pixels = pixels;
			this.truthStructures = truthStructures;
			this.predictedStructures = predictedStructures;
		}
	}

	/** Scores the prediction against the truth on the pixels where truth > 0. Labels are 0..65535. */
	public static Score score(final int[] truth, final int[] prediction) {
		return score(toUnsignedShorts(truth, "truth"), toUnsignedShorts(prediction, "prediction"));
	}

	/** As {@link #score(int[], int[])}, for unsigned 16-bit labels as ImageJ stores them. */
	public static Score score(final short[] truth, final short[] prediction) {
		if (truth.length != prediction.length)
			throw new IllegalArgumentException("truth has " + truth.length + " pixels, prediction " + prediction.length);
		final Contingency table = Contingency.of(truth, prediction);
		return fromCounts(table.pixels, table.sumSquares, table.sumTruthSquares, table.sumPredictedSquares,
			table.truthLabels, table.predictedLabels);
	}

	private static short[] toUnsignedShorts(final int[] labels, final String which) {
		final short[] shorts = new short[labels.length];
		for (int i = 0; i < labels.length; i++) {
			if (labels[i] < 0 || labels[i] > 65535)
				throw new IllegalArgumentException(which + " label " + labels[i] + " at pixel " + i + " is outside 0..65535");
			shorts[i] = (short) labels[i];
		}
		return shorts;
	}

	/** Scores from pair counts, as scikit-learn's pair confusion matrix. */
	static Score fromCounts(final long n, final long sumSquares, final long sumTruthSquares,
		final long sumPredictedSquares, final int truthLabels, final int predictedLabels)
	{
		final BigInteger tp = BigInteger.valueOf(sumSquares - n);
		final BigInteger fp = BigInteger.valueOf(sumPredictedSquares - sumSquares);
		final BigInteger fn = BigInteger.valueOf(sumTruthSquares - sumSquares);
		final BigInteger tn = BigInteger.valueOf(n).multiply(BigInteger.valueOf(n)).subtract(fp).subtract(fn)
			.subtract(BigInteger.valueOf(sumSquares));
		final double adjusted;
		if (fn.signum() == 0 && fp.signum() == 0) adjusted = 1.0;
		else {
			final BigInteger numerator = tp.multiply(tn).subtract(fn.multiply(fp)).shiftLeft(1);
			final BigInteger denominator = tp.add(fn).multiply(fn.add(tn)).add(tp.add(fp).multiply(fp.add(tn)));
			adjusted = new java.math.BigDecimal(numerator).divide(new java.math.BigDecimal(denominator),
				java.math.MathContext.DECIMAL64).doubleValue();
		}
		final BigInteger agree = tp.add(tn);
		final BigInteger all = agree.add(fp).add(fn);
		final double rand = all.signum() == 0 || agree.equals(all) ? 1.0 : new java.math.BigDecimal(agree).divide(
			new java.math.BigDecimal(all), java.math.MathContext.DECIMAL64).doubleValue();
		return new Score(adjusted, rand, n, truthLabels, predictedLabels);
	}
}
