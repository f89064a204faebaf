package org.fewshotct.core.unet;

import static org.junit.Assert.assertEquals;

import java.util.List;

/**
 * How far two runs of the same tiny training may differ: TensorFlow's CPU kernels may sum floats in another order
 * from one run to the next (measured up to 5e-3 apart on one epoch's loss, in a full suite run after other
 * trainings, even at one thread), so the same epochs run twice match within this, not to the bit.
 */
final class TrainingNoise {

	static final double LOSS = 1e-2;

	private TrainingNoise() {}

	/** The first {@code epochs} losses of two runs of the same training are the same up to the float-order noise. */
	static void assertSameEpochs(final List<Double> expected, final List<Double> actual, final int epochs) {
		for (int epoch = 0; epoch < epochs; epoch++)
			assertEquals("epoch " + (epoch + 1) + ": " + expected + " vs " + actual, expected.get(epoch), actual.get(
				epoch), LOSS);
	}
}
