package org.fewshotct.core.unet;

import ij.ImageStack;
import ij.process.FloatProcessor;

import java.util.List;
import java.util.Locale;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.instances.BodyMask;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.TissueLevels;
import org.fewshotct.core.metric.RandIndex;

/**
 * Picks the decoder's marker dynamic (or, for thresholded seeds, its marker threshold) and smallest marker for
 * a trained network by the challenge metric on the validation slices. How far "interior" must rise to seed an
 * instance, and how large a seed must be not to be noise, depend on how sharp the network's maps came out and
 * on how small the annotated structures are, which vary with the data and the length of training; the
 * validation slices are what the training did not see.
 */
final class DecoderTuning {

	/**
	 * The fewest validation slices to tune on. Measured on ircadb1 (trained on 10 slices, tuned on 1, scored on
	 * 22 others): the one slice picked 0.9/120, 0.76 on the others, where the default 0.7/50 scored 0.85.
	 */
	static final int MIN_SLICES = 3;

	static final double[] MARKER_DYNAMICS = { 0.1, 0.2, 0.25, 0.3, 0.4, 0.5 };
	static final double[] MARKER_THRESHOLDS = { 0.5, 0.6, 0.7, 0.8, 0.9 };
	static final int[] MIN_MARKER_AREAS = { 20, 50, 120 };

	final InstanceDecoder.Settings best;
	/** The best mean ARI on the validation slices. */
	final double score;
	final String report;

	private DecoderTuning(final InstanceDecoder.Settings best, final double score, final String report) {
		this.best = best;
		this.score = score;
		this.report = report;
	}

	static DecoderTuning tune(final UNetSegmenter segmenter, final List<LabelledSlice> slices,
		final IntensityWindow window, final float air, final TissueLevels tissue, final int threads,
		final InstanceDecoder.Settings base)
	{
		final LabelledSlice first = slices.get(0);
		final ImageStack stack = new ImageStack(first.width, first.height);
		for (final LabelledSlice slice : slices)
			stack.addSlice(null, new FloatProcessor(slice.width, slice.height, slice.values));
		final float[][][] maps = new float[slices.size()][][];
		final boolean[][] bodies = new boolean[slices.size()][];
		// the candidates differ in their seeds only, so each slice's tissue serves them all
		final TissueLevels.Slice[] tissues = new TissueLevels.Slice[slices.size()];
		segmenter.predict(stack, window, Progress.NONE, (s, m, unit) -> {
			maps[s] = m;
			bodies[s] = BodyMask.of(unit, first.width, first.height, air);
			tissues[s] = tissue.slice(unit, first.width, first.height, base);
		});
		final boolean dynamic = base.markerDynamic() > 0;
		final double[] levels = dynamic ? MARKER_DYNAMICS : MARKER_THRESHOLDS;
		final int areas = MIN_MARKER_AREAS.length;
		final double[] scores = new double[levels.length * areas];
		SliceParallel.forEach(scores.length, threads, Progress.NONE, c -> {
			final InstanceDecoder.Settings candidate = candidate(base, levels, c);
			double sum = 0;
			for (int s = 0; s < maps.length; s++)
				sum += RandIndex.score(slices.get(s).labels, InstanceDecoder.decode(maps[s], first.width, first.height,
					candidate, bodies[s], tissues[s])).adjusted;
			scores[c] = sum / maps.length;
		});
		int best = 0;
		final StringBuilder report = new StringBuilder("validation ARI by marker " + (dynamic ? "dynamic"
			: "threshold") + "/min area");
		for (int c = 0; c < scores.length; c++) {
			if (scores[c] > scores[best]) best = c;
			report.append(String.format(Locale.ROOT, "%s %.2f/%d=%.4f", c == 0 ? ":" : ",", levels[c / areas],
				MIN_MARKER_AREAS[c % areas], scores[c]));
		}
		return new DecoderTuning(candidate(base, levels, best), scores[best], report.append(String.format(
			Locale.ROOT, "; decoding with %.2f/%d", levels[best / areas], MIN_MARKER_AREAS[best % areas])).toString());
	}

	/** Candidate c: the c / areas-th level (a dynamic or a threshold, as base seeds) and the c % areas-th area. */
	private static InstanceDecoder.Settings candidate(final InstanceDecoder.Settings base, final double[] levels,
		final int c)
	{
		final double level = levels[c / MIN_MARKER_AREAS.length];
		final InstanceDecoder.Settings seeded = base.markerDynamic() > 0 ? base.withMarkerDynamic(level) : base
			.withMarkerThreshold(level);
		return seeded.withMinMarkerArea(MIN_MARKER_AREAS[c % MIN_MARKER_AREAS.length]);
	}
}
