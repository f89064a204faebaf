package org.fewshotct.core;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import java.util.BitSet;
import java.util.Locale;

/**
 * Tells a CT given where labels are expected by its content. Label slices are flat regions of a few dozen
 * values: on the real and synthetic label slices and the methods' outputs at most 2 % of horizontally
 * neighbouring pixels differ and a slice holds at most about 150 values. CT slices are noisy: 34-97 % of
 * neighbours differ (8-bit windowed ones too) and a slice holds 180-2600 values.
 */
final class CtLikeContent {

	/** A slice with more distinct values than this, and more differing neighbours than below, is CT. */
	private static final int MAX_LABEL_VALUES = 100;
	private static final double MAX_LABEL_CHANGES = 0.25;
	/** Slices looked at, spread over the stack: a label stack has no CT-like slice at all. */
	private static final int SAMPLED_SLICES = 8;

	private CtLikeContent() {}

	/** What makes the stack look like a CT (its first CT-like slice among a few), or null. */
	static String evidence(final ImagePlus image) {
		final ImageStack stack = image.getStack();
		final int n = stack.getSize();
		final int step = Math.max(1, n / SAMPLED_SLICES);
		for (int s = 1; s <= n; s += step) {
			final String evidence = evidence(stack.getProcessor(s));
			if (evidence != null) return "slice " + s + " " + evidence;
		}
		return null;
	}

	private static String evidence(final ImageProcessor slice) {
		final int width = slice.getWidth();
		final int height = slice.getHeight();
		final BitSet values = new BitSet();
		long changes = 0;
		for (int y = 0; y < height; y++) {
			int left = slice.get(0, y);
			values.set(left);
			for (int x = 1; x < width; x++) {
				final int value = slice.get(x, y);
				values.set(value);
				if (value != left) changes++;
				left = value;
			}
		}
		final long pairs = (long) (width - 1) * height;
		final double changed = pairs == 0 ? 0 : changes / (double) pairs;
		if (values.cardinality() <= MAX_LABEL_VALUES || changed <= MAX_LABEL_CHANGES) return null;
		return String.format(Locale.ROOT, "holds %d distinct values and %.0f %% of its neighbouring pixels differ " +
			"(labels are flat regions of a few dozen values)", values.cardinality(), 100 * changed);
	}
}
