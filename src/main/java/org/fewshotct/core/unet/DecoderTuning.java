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
import org.fewshotct.core.metric.RandIndex;

/**
 * Picks the decoder's marker threshold and smallest marker for a trained network by the challenge metric on
 * the validation slices. How confident "interior" must be to seed an instance, and how large a seed must be
 * not to be noise, depend on how sharp the network's maps came out and on how small the annotated structures
 * are, which vary with the data and the length of training; the validation slices are what the training did
 * not see.
 */
final class DecoderTuning {

	/**
	 * The fewest validation slices to tune on. Measured on ircadb1 (trained on 10 slices, tuned on 1, scored on
	 * 22 others): the one slice picked 0.9/120, 0.76 on the others, where the default 0.7/50 scored 0.85.
	 */
	static final int MIN_SLICES = 3;

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

	static DecoderTuning tune(final UNetNetwork network, final List<LabelledSlice> slices,
		final IntensityWindow window, final float air, final int depth, final int batch, final int threads,
		final InstanceDecoder.Settings base)
	{
		final LabelledSlice first = slices.get(0);
		final ImageStack stack = new ImageStack(first.width, first.height);
		for (final LabelledSlice slice : slices)
			stack.addSlice(null, new FloatProcessor(slice.width, slice.height, slice.values));
		final float[][][] maps = new float[slices.size()][][];
		final boolean[][] bodies = new boolean[slices.size()][];
		UNetSegmenter.maps(network, depth, batch, threads).predict(stack, window, Progress.NONE, (s, m, unit) -> {
			maps[s] = m;
			bodies[s] = BodyMask.of(unit, first.width, first.height, air);
		});
		final int areas = MIN_MARKER_AREAS.length;
		final double[] scores = new double[MARKER_THRESHOLDS.length * areas];
		SliceParallel.forEach(scores.length, threads, Progress.NONE, c -> {
			final InstanceDecoder.Settings candidate = candidate(base, c);
			double sum = 0;
			for (int s = 0; s < maps.length; s++)
				sum += RandIndex.score(slices.get(s).labels, InstanceDecoder.decode(maps[s], first.width, first.height,
					candidate, bodies[s])).adjusted;
			scores[c] = sum / maps.length;
		});
		int best = 0;
		final StringBuilder report = new StringBuilder("validation ARI by marker threshold/min area");
		for (int c = 0; c < scores.length; c++) {
			if (scores[c] > scores[best]) best = c;
			report.append(String.format(Locale.ROOT, "%s %.1f/%d=%.4f", c == 0 ? ":" : ",", MARKER_THRESHOLDS[c / areas],
				MIN_MARKER_AREAS[c % areas], scores[c]));
		}
		final InstanceDecoder.Settings chosen = candidate(base, best);
		return new DecoderTuning(chosen, scores[best], report.append(String.format(Locale.ROOT,
			"; decoding with %.1f/%d", chosen.markerThreshold(), chosen.minMarkerArea())).toString());
	}

	private static InstanceDecoder.Settings candidate(final InstanceDecoder.Settings base, final int c) {
		return base.withMarkerThreshold(MARKER_THRESHOLDS[c / MIN_MARKER_AREAS.length]).withMinMarkerArea(
			MIN_MARKER_AREAS[c % MIN_MARKER_AREAS.length]);
	}
}
