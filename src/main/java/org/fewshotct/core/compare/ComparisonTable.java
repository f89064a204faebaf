package org.fewshotct.core.compare;

import ij.measure.ResultsTable;

import java.util.Arrays;

/**
 * The comparison as a table. One row per slice: the truth's structure count (given a truth), each method's
 * adjusted Rand index ({@code <method> ARI}, the value of the Rand Index command) and structure count. Then the
 * summary rows {@link #MEAN}, {@link #MEDIAN} and {@link #WORST} (the lowest ARI; the structure counts farthest
 * from the truth's are not summarised). Each method's run time is the column {@code <method> s/slice}: wall-clock
 * seconds per slice over the whole stack, in the {@link #MEAN} row (a method runs on the stack at once, so
 * there is no honest per-slice time to put in the other rows, which stay empty).
 */
public final class ComparisonTable {

	public static final String SLICE = "Slice";
	public static final String TRUTH_STRUCTURES = "truth structures";
	public static final String MEAN = "mean";
	public static final String MEDIAN = "median";
	public static final String WORST = "worst";

	private ComparisonTable() {}

	/** The column of a method's adjusted Rand index. */
	public static String ariColumn(final String method) {
		return method + " ARI";
	}

	/** The column of a method's structure count. */
	public static String structuresColumn(final String method) {
		return method + " structures";
	}

	/** The column of a method's seconds per slice. */
	public static String secondsColumn(final String method) {
		return method + " s/slice";
	}

	public static ResultsTable of(final Comparison comparison) {
		final ResultsTable table = new ResultsTable();
		final int[] truthStructures = comparison.hasTruth() ? Structures.perSlice(comparison.truth) : null;
		for (int s = 0; s < comparison.slices(); s++) {
			table.incrementCounter();
			table.addValue(SLICE, comparison.sliceName(s));
			if (comparison.hasTruth()) {
				table.addValue(TRUTH_STRUCTURES, truthStructures[s]);
				for (final MethodResult method : comparison.methods)
					table.addValue(ariColumn(method.name), method.scores[s].adjusted);
			}
			for (final MethodResult method : comparison.methods)
				table.addValue(structuresColumn(method.name), method.structures[s]);
			for (final MethodResult method : comparison.methods)
				table.addValue(secondsColumn(method.name), "");
		}
		for (final String which : new String[] { MEAN, MEDIAN, WORST }) {
			table.incrementCounter();
			table.addValue(SLICE, which);
			if (comparison.hasTruth()) {
				table.addValue(TRUTH_STRUCTURES, "");
				for (final MethodResult method : comparison.methods)
					table.addValue(ariColumn(method.name), summarise(method.adjusted(), which));
			}
			for (final MethodResult method : comparison.methods)
				table.addValue(structuresColumn(method.name), "");
			for (final MethodResult method : comparison.methods)
				if (which.equals(MEAN)) table.addValue(secondsColumn(method.name), method.secondsPerSlice);
				else table.addValue(secondsColumn(method.name), "");
		}
		for (final MethodResult method : comparison.methods) {
			if (comparison.hasTruth()) table.setDecimalPlaces(table.getColumnIndex(ariColumn(method.name)), 6);
			table.setDecimalPlaces(table.getColumnIndex(structuresColumn(method.name)), 0);
			table.setDecimalPlaces(table.getColumnIndex(secondsColumn(method.name)), 4);
		}
		if (comparison.hasTruth()) table.setDecimalPlaces(table.getColumnIndex(TRUTH_STRUCTURES), 0);
		return table;
	}

	/** The mean, median or worst (lowest) of ARI values. */
	public static double summarise(final double[] values, final String which) {
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
				return sorted[0];
			default:
				throw new IllegalArgumentException("No summary '" + which + "'");
		}
	}
}
