package org.fewshotct.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fewshotct.core.Stacks;
import org.fewshotct.core.view.SegmentationErrors;

/**
 * The one line a report opens with: which method wins and by how much, and where each fails (the share of the
 * truth's structure pixels it merges into another structure or splits off), over all slices.
 */
public final class ComparisonReading {

	private ComparisonReading() {}

	/** The reading; without a truth, only which method is fastest. */
	public static String of(final Comparison comparison) {
		final List<MethodResult> ranked = new ArrayList<>(comparison.methods);
		if (!comparison.hasTruth()) {
			ranked.sort((a, b) -> Double.compare(a.secondsPerSlice, b.secondsPerSlice));
			return String.format(Locale.ROOT, "No truth to score against; %s is the fastest (%.3f s per slice).", ranked
				.get(0).name, ranked.get(0).secondsPerSlice);
		}
		ranked.sort((a, b) -> Double.compare(mean(b), mean(a)));
		final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s wins with a mean ARI of %.3f", ranked
			.get(0).name, mean(ranked.get(0))));
		for (int m = 1; m < ranked.size(); m++)
			line.append(String.format(Locale.ROOT, "%s %s %.3f (%+.3f)", m == 1 ? ", against" : m == ranked.size() - 1
				? " and" : ",", ranked.get(m).name, mean(ranked.get(m)), mean(ranked.get(m)) - mean(ranked.get(0))));
		line.append(". Where each fails, in structure pixels: ");
		for (int m = 0; m < comparison.methods.size(); m++) {
			final MethodResult method = comparison.methods.get(m);
			final double[] errors = errors(comparison, method);
			line.append(String.format(Locale.ROOT, "%s%s merges %.0f %%, splits %.0f %%", m == 0 ? "" : "; ", method.name,
				100 * errors[0], 100 * errors[1]));
		}
		return line.append('.').toString();
	}

	private static double mean(final MethodResult method) {
		return ComparisonTable.summarise(method.adjusted(), ComparisonTable.MEAN);
	}

	/** {merged, split} shares of the truth's structure pixels over every slice. */
	private static double[] errors(final Comparison comparison, final MethodResult method) {
		final long[] all = new long[SegmentationErrors.SPLIT + 1];
		for (int s = 1; s <= comparison.slices(); s++) {
			final long[] counts = SegmentationErrors.count(SegmentationErrors.classify(Stacks.labelValues(comparison.truth
				.getStack().getProcessor(s)), Stacks.labelValues(method.labels.getStack().getProcessor(s))));
			for (int k = 0; k < all.length; k++)
				all[k] += counts[k];
		}
		final double scored = Math.max(1, all[SegmentationErrors.CORRECT] + all[SegmentationErrors.MERGED] +
			all[SegmentationErrors.SPLIT]);
		return new double[] { all[SegmentationErrors.MERGED] / scored, all[SegmentationErrors.SPLIT] / scored };
	}
}
