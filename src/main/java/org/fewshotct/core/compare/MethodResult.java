package org.fewshotct.core.compare;

import ij.ImagePlus;

import org.fewshotct.core.metric.RandIndex;

/** What one method produced on a CT stack: its labels, its run time per slice and, given a truth, its scores. */
public final class MethodResult {

	/** The method's short name ("baseline", "weka", "unet"). */
	public final String name;
	/** A 16-bit label stack titled {@code <ct title>-<name>}. */
	public final ImagePlus labels;
	/** Wall-clock seconds the method took on each slice. */
	public final double[] seconds;
	/** The challenge metric per slice against the truth, or null without a truth. */
	public final RandIndex.Score[] scores;

	public MethodResult(final String name, final ImagePlus labels, final double[] seconds,
		final RandIndex.Score[] scores)
	{
		this.name = name;
		this.labels = labels;
		this.seconds = seconds;
		this.scores = scores;
	}

	/** The adjusted Rand index of each slice; needs a truth. */
	public double[] adjusted() {
		final double[] values = new double[scores.length];
		for (int s = 0; s < values.length; s++)
			values[s] = scores[s].adjusted;
		return values;
	}
}
