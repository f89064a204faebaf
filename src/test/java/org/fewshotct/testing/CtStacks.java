package org.fewshotct.testing;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;

import java.util.Random;

import org.fewshotct.core.Stacks;

/** CT-like 16-bit stacks (HU + 1024) for tests, made to go with a label stack. */
public final class CtStacks {

	private CtStacks() {}

	/** A CT whose structures are brighter by label and noisy (seeded), with the labels' slice names. */
	public static ImagePlus under(final ImagePlus labels, final long seed) {
		final Random random = new Random(seed);
		final ImageStack stack = new ImageStack(labels.getWidth(), labels.getHeight());
		for (int s = 1; s <= labels.getStackSize(); s++) {
			final int[] values = Stacks.labelValues(labels.getStack().getProcessor(s));
			final short[] pixels = new short[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = (short) (1024 - 200 + 60 * values[i] + random.nextInt(40));
			stack.addSlice(labels.getStack().getSliceLabel(s), new ShortProcessor(labels.getWidth(), labels
				.getHeight(), pixels, null));
		}
		return new ImagePlus("ct", stack);
	}
}
