package org.fewshotct.core;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import java.util.BitSet;
import java.util.Locale;

/**
 * Tells CT from labels by content, the one rule behind every check that expects either. Label slices are flat
 * regions of a few dozen values: on the real and synthetic label slices and the methods' outputs at most 2 % of
 * horizontally neighbouring pixels differ and a slice holds at most about 150 values. CT slices are noisy:
 * 34-97 % of neighbours differ (8-bit windowed ones too) and a slice holds 180-2600 values. Looking per slice
 * rather than over the whole stack keeps a label stack with many ids (TotalSegmentator's 117 classes, or
 * arbitrary instance ids per slice) a label stack.
 */
final class CtLikeContent {

	/** A slice with more distinct values than this, and more differing neighbours than below, is CT. */
	private static final int MAX_LABEL_VALUES = 100;
	private static final double MAX_LABEL_CHANGES = 0.25;
	/** Slices looked at, spread over the stack: a label stack has no CT-like slice at all. */
	private static final int SAMPLED_SLICES = 8;

	private CtLikeContent() {}

	/** What makes an 8 or 16-bit stack look like a CT (its first CT-like slice among a few), or null. */
	static String evidence(final ImagePlus image) {
		final ImageStack stack = image.getStack();
		final int n = stack.getSize();
		final int step = Math.max(1, n / SAMPLED_SLICES);
		for (int s = 1; s <= n; s += step) {
			final SliceContent content = new SliceContent(stack.getProcessor(s));
			if (content.ctLike()) return "slice " + s + " " + content;
		}
		return null;
	}

	/** Why an 8 or 16-bit stack that {@link #evidence} finds no CT in looks like labels: its first slice's content. */
	static String labelEvidence(final ImagePlus image) {
		return "slice 1 " + new SliceContent(image.getStack().getProcessor(1)) + " (CT slices hold hundreds of " +
			"values and most neighbours differ; labels are flat regions of a few dozen values)";
	}

	/** A slice's distinct values and the share of horizontally neighbouring pixels that differ. */
	private static final class SliceContent {
		final int values;
		final double changed;

		SliceContent(final ImageProcessor slice) {
			final int width = slice.getWidth();
			final int height = slice.getHeight();
			final BitSet seen = new BitSet();
			long changes = 0;
			for (int y = 0; y < height; y++) {
				int left = slice.get(0, y);
				seen.set(left);
				for (int x = 1; x < width; x++) {
					final int value = slice.get(x, y);
					seen.set(value);
					if (value != left) changes++;
					left = value;
				}
			}
			final long pairs = (long) (width - 1) * height;
			values = seen.cardinality();
			changed = pairs == 0 ? 0 : changes / (double) pairs;
		}

		boolean ctLike() {
			return values > MAX_LABEL_VALUES && changed > MAX_LABEL_CHANGES;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "holds %d distinct values and %.0f %% of its neighbouring pixels differ",
				values, 100 * changed);
		}
	}
}
