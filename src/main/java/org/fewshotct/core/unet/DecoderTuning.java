package org.fewshotct.core.unet;

import ij.ImageStack;
import ij.process.FloatProcessor;

import java.util.List;
import java.util.Locale;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.metric.RandIndex;

/**
 * Picks the decoder's marker threshold for a trained network by the challenge metric on the validation
 * slices. How confident "interior" must be to seed an instance depends on how sharp the network's maps came
 * out, which varies with the data and the length of training; the validation slices are what the training
 * did not see.
 */
final class DecoderTuning {

	static final double[] MARKER_THRESHOLDS = { 0.5, 0.6, 0.7, 0.8, 0.9 };

	final InstanceDecoder.Settings best;
	final String report;

	private DecoderTuning(final InstanceDecoder.Settings best, final String report) {
		this.best = best;
		this.report = report;
	}

	static DecoderTuning tune(final UNetNetwork network, final List<LabelledSlice> slices,
		final IntensityWindow window, final int depth, final int batch, final int threads,
		final InstanceDecoder.Settings base)
	{
		final LabelledSlice first = slices.get(0);
		final ImageStack stack = new ImageStack(first.width, first.height);
		for (final LabelledSlice slice : slices)
			stack.addSlice(null, new FloatProcessor(slice.width, slice.height, slice.values));
		final float[][][] maps = new float[slices.size()][][];
		UNetSegmenter.maps(network, depth, batch, threads).predict(stack, window, Progress.NONE, (s, m) -> maps[s] = m);
		final double[] scores = new double[MARKER_THRESHOLDS.length];
		SliceParallel.forEach(MARKER_THRESHOLDS.length, threads, Progress.NONE, t -> {
			final InstanceDecoder.Settings candidate = base.withMarkerThreshold(MARKER_THRESHOLDS[t]);
			double sum = 0;
			for (int s = 0; s < maps.length; s++)
				sum += RandIndex.score(slices.get(s).labels, InstanceDecoder.decode(maps[s], first.width, first.height,
					candidate)).adjusted;
			scores[t] = sum / maps.length;
		});
		int best = 0;
		final StringBuilder report = new StringBuilder("validation ARI by marker threshold");
		for (int t = 0; t < scores.length; t++) {
			if (scores[t] > scores[best]) best = t;
			report.append(String.format(Locale.ROOT, "%s %.1f=%.4f", t == 0 ? ":" : ",", MARKER_THRESHOLDS[t], scores[t]));
		}
		return new DecoderTuning(base.withMarkerThreshold(MARKER_THRESHOLDS[best]), report.append(String.format(
			Locale.ROOT, "; decoding with %.1f", MARKER_THRESHOLDS[best])).toString());
	}
}
