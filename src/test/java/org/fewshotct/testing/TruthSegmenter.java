package org.fewshotct.testing;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.function.UnaryOperator;

import org.fewshotct.core.Progress;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;

/**
 * A segmentation method for tests whose answer is known: the truth of each slice (found by slice label),
 * changed by a given rule, such as two structures merged.
 */
public class TruthSegmenter implements StackSegmenter {

	private final String name;
	private final ImagePlus truth;
	private final UnaryOperator<int[]> change;

	public TruthSegmenter(final String name, final ImagePlus truth, final UnaryOperator<int[]> change) {
		this.name = name;
		this.truth = truth;
		this.change = change;
	}

	/** The truth with label {@code from} relabelled {@code into}: two structures merged. */
	public static TruthSegmenter merging(final ImagePlus truth, final int from, final int into) {
		return new TruthSegmenter("merged", truth, labels -> {
			final int[] out = labels.clone();
			for (int i = 0; i < out.length; i++)
				if (out[i] == from) out[i] = into;
			return out;
		});
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public ImagePlus segment(final ImagePlus ct, final Progress progress) {
		final ImageStack out = Stacks.emptyLike(ct, 16);
		for (int s = 1; s <= ct.getStackSize(); s++) {
			progress.checkCancelled();
			final int[] labels = change.apply(Stacks.labelValues(truth.getStack().getProcessor(truthSlice(ct
				.getStack().getSliceLabel(s)))));
			out.setPixels(Stacks.labelSlice(labels, ct.getWidth(), ct.getHeight()).getPixels(), s);
		}
		return new ImagePlus(ct.getTitle() + "-" + name, out);
	}

	private int truthSlice(final String label) {
		for (int s = 1; s <= truth.getStackSize(); s++)
			if (truth.getStack().getSliceLabel(s).equals(label)) return s;
		throw new IllegalArgumentException("No truth slice labelled " + label);
	}
}
