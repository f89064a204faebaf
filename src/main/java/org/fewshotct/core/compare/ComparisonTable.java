package org.fewshotct.core.compare;

import ij.measure.ResultsTable;

import java.util.Arrays;

/**
 * The comparison as a table: one row per slice with each method's adjusted Rand index ({@code <method> ARI},
 * given a truth) and run time ({@code <method> s}), then three summary rows: {@link #MEAN}, {@link #MEDIAN}
 * and {@link #WORST} (the lowest ARI, the longest time). The ARI values are those of the Rand Index command.
 */
public final class ComparisonTable {

	public static final String SLICE = "Slice";
	public static final String MEAN = "mean";
	public static final String MEDIAN = "median";
	public static final String WORST = "worst";

	private ComparisonTable() {}

	/** The column of a method's adjusted Rand index. */
	public static String ariColumn(final String method) {
		return method + " ARI";
	}

	/** The column of a method's seconds per slice. */
	public static String secondsColumn(final String method) {
		return method + " s";
	}

	public static ResultsTable of(final Comparison comparison) {
		final ResultsTable table = new ResultsTable();
		for (int s = 0; s < comparison.slices(); s++) {
			table.incrementCounter();
			table.addValue(SLICE, comparison.sliceName(s));
			if (comparison.hasTruth()) for (final MethodResult method : comparison.methods)
				table.addValue(ariColumn(method.name), method.scores[s].adjusted);
			for (final MethodResult method : comparison.methods)
				table.addValue(secondsColumn(method.name), method.seconds[s]);
		}
		summary(table, comparison, MEAN);
		summary(table, comparison, MEDIAN);
		summary(table, comparison, WORST);
		for (final MethodResult method : comparison.methods) {
			if (comparison.hasTruth()) table.setDecimalPlaces(table.getColumnIndex(ariColumn(method.name)), 6);
			table.setDecimalPlaces(table.getColumnIndex(secondsColumn(method.name)), 3);
		}
		return table;
	}

	private static void summary(final ResultsTable table, final Comparison comparison, final String which) {
		table.incrementCounter();
		table.addValue(SLICE, which);
		if (comparison.hasTruth()) for (final MethodResult method : comparison.methods)
			table.addValue(ariColumn(method.name), summarise(method.adjusted(), which, false));
		for (final MethodResult method : comparison.methods)
			table.addValue(secondsColumn(method.name), summarise(method.seconds, which, true));
	}

	/** The mean, median or worst of the values; worst is the highest when higher is worse, else the lowest. */
	public static double summarise(final double[] values, final String which, final boolean higherIsWorse) {
		if (values.length == 0) return Double.NaN;
		final double[] sorted = values.clone();
		Arrays.sort(sorted);
		switch (which) {
			case MEAN:
				double sum = 0;
				for (final double v : values)
					sum += v;
				return sum / values.length;
			case MEDIAN:
				final int mid = sorted.length / 2;
				return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
			case WORST:
				return higherIsWorse ? sorted[sorted.length - 1] : sorted[0];
			default:
				throw new IllegalArgumentException("No summary '" + which + "'");
		}
	}
}
