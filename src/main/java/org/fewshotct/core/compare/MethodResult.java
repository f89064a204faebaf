package org.fewshotct.core.compare;

import ij.ImagePlus;

import org.fewshotct.core.metric.RandIndex;

/** What one method produced on a CT stack: its labels, its run time and, given a truth, its scores. */
public final class MethodResult {

	/** The method's short name ("baseline", "weka", "unet"). */
	public final String name;
	/** Its label stack (8 or 16-bit), titled {@code <ct title>-<name>}. */
	public final ImagePlus labels;
	/** Wall-clock seconds per slice: the method's time on the whole stack over its slice count. */
	public final double secondsPerSlice;
	/** Distinct structures (non-zero labels) per slice. */
	public final int[] structures;
	/** The challenge metric per slice against the truth, or null without a truth. */
	public final RandIndex.Score[] scores;

	public MethodResult(final String name, final ImagePlus labels, final double secondsPerSlice,
		final RandIndex.Score[] scores)
	{
		this.name = name;
		this.labels = labels;
		this.secondsPerSlice = secondsPerSlice;
		this.structures = Structures.perSlice(labels);
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
