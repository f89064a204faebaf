package org.fewshotct.core;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageConverter;
import ij.process.ShortProcessor;

import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.testing.BlockLabels;
import org.fewshotct.testing.Refusals;
import org.fewshotct.testing.TestStacks;
import org.junit.Test;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The one content rule that tells CT from labels, both ways: {@link Stacks#requireLabels} and
 * {@link Stacks#requireCt}.
 */
public class CtOrLabelsTest {

	private static final PhantomStacks PHANTOM = new PhantomGenerator(new PhantomSettings(3, 5, 96)).stacks(1,
		Progress.NONE);

	@Test
	public void acceptsLabelStacks() {
		Stacks.requireLabels(PHANTOM.labels(), "labels");
		Stacks.requireLabels(BlockLabels.truth(3), "labels");
		Stacks.requireLabels(TestStacks.labels(24, 24, 3, 300, 7), "labels");
	}

	@Test
	public void refusesACtGivenAsLabels() {
		Refusals.assertRefused(() -> Stacks.requireLabels(PHANTOM.ct(), "labels"), "The labels 'phantom-ct' looks " +
			"like a CT, not a label image: its slice 1 holds ");
	}

	@Test
	public void refusesAWindowedEightBitCtGivenAsLabels() {
		Refusals.assertRefused(() -> Stacks.requireLabels(windowedEightBit(), "truth"), "looks like a CT");
	}

	@Test
	public void refusesFloatingPointAndColour() {
		final ImagePlus ct = PHANTOM.ct().duplicate();
		new ImageConverter(ct).convertToGray32();
		Refusals.assertRefused(() -> Stacks.requireLabels(ct, "labels"), "must be an 8 or 16-bit label image, but it " +
			"is 32-bit");
	}

	@Test
	public void acceptsCtAsItsEncodingsComeAndRefusesItAsLabels() {
		for (final ImagePlus ct : new ImagePlus[] { PHANTOM.ct(), windowedEightBit() }) {
			Stacks.requireCt(ct, "CT");
			assertFalse(ct.getBitDepth() + "-bit", Stacks.looksLikeLabels(ct));
		}
	}

	@Test
	public void refusesALabelStackWithManyIdsAcrossItsSlicesGivenAsCt() {
		// ids that run on from slice to slice (or TotalSegmentator's 117 classes): 256 in the stack, 64 per slice
		final ImagePlus labels = blockLabels(64, 4, 8);
		assertTrue(Stacks.looksLikeLabels(labels));
		Refusals.assertRefused(() -> Stacks.requireCt(labels, "CT"), "The CT 'labels' looks like a label image, not " +
			"a CT: its slice 1 holds 64 distinct values and 11 % of its neighbouring pixels differ");
	}

	/** The phantom CT through the default [-1000, 1000] HU window onto 8 bits, as a PNG export holds it. */
	private static ImagePlus windowedEightBit() {
		final ImagePlus ct = PHANTOM.ct().duplicate();
		ct.setDisplayRange(1024 - 1000, 1024 + 1000);
		new ImageConverter(ct).convertToGray8();
		return ct;
	}

	/** Slices of size x size tiled with blocks x blocks squares, each its own id, numbered on across slices. */
	private static ImagePlus blockLabels(final int size, final int slices, final int blocks) {
		final ImageStack stack = new ImageStack(size, size);
		final int side = size / blocks;
		for (int s = 0; s < slices; s++) {
			final short[] pixels = new short[size * size];
			for (int i = 0; i < pixels.length; i++)
				pixels[i] = (short) (1 + s * blocks * blocks + (i / size / side) * blocks + (i % size) / side);
			stack.addSlice("s" + s, new ShortProcessor(size, size, pixels, null));
		}
		return new ImagePlus("labels", stack);
	}
}
