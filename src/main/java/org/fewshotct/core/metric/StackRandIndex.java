package org.fewshotct.core.metric;

import ij.ImagePlus;
import ij.ImageStack;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.Stacks;

/** The challenge metric over whole stacks: one {@link RandIndex.Score} per slice, and their mean. */
public final class StackRandIndex {

	private StackRandIndex() {}

	/** Scores each prediction slice against the truth slice of the same index, in parallel. */
	public static RandIndex.Score[] score(final ImagePlus truth, final ImagePlus prediction, final int threads,
		final Progress progress)
	{
		Stacks.requireLabels(truth, "truth");
		Stacks.requireLabels(prediction, "prediction");
		Stacks.requireSameShape(truth, "truth", prediction, "prediction");
		final ImageStack t = truth.getStack();
		final ImageStack p = prediction.getStack();
		final RandIndex.Score[] scores = new RandIndex.Score[t.getSize()];
		final int pixels = t.getWidth() * t.getHeight();
		final ThreadLocal<short[][]> scratch = ThreadLocal.withInitial(() -> new short[2][pixels]);
		SliceParallel.forEach(scores.length, threads, progress, s -> {
			final short[][] buffers = scratch.get();
			scores[s] = RandIndex.score(Stacks.labelShorts(t.getPixels(s + 1), buffers[0]), Stacks.labelShorts(p
				.getPixels(s + 1), buffers[1]));
		});
		return scores;
	}

	/** The challenge score: the mean adjusted Rand index over slices. */
	public static double meanAdjusted(final RandIndex.Score[] scores) {
		double sum = 0;
		for (final RandIndex.Score score : scores)
			sum += score.adjusted;
		return scores.length == 0 ? Double.NaN : sum / scores.length;
	}
}
