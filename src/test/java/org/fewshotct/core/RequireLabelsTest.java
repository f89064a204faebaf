package org.fewshotct.core;

import ij.ImagePlus;
import ij.process.ImageConverter;

import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.testing.BlockLabels;
import org.fewshotct.testing.Refusals;
import org.fewshotct.testing.TestStacks;
import org.junit.Test;

public class RequireLabelsTest {

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
		final ImagePlus ct = PHANTOM.ct().duplicate();
		ct.setDisplayRange(1024 - 1000, 1024 + 1000);
		new ImageConverter(ct).convertToGray8();
		Refusals.assertRefused(() -> Stacks.requireLabels(ct, "truth"), "looks like a CT");
	}

	@Test
	public void refusesFloatingPointAndColour() {
		final ImagePlus ct = PHANTOM.ct().duplicate();
		new ImageConverter(ct).convertToGray32();
		Refusals.assertRefused(() -> Stacks.requireLabels(ct, "labels"), "must be an 8 or 16-bit label image, but it " +
			"is 32-bit");
	}
}
