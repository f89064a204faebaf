package org.fewshotct.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;

import org.junit.Test;

public class SlicePairingTest {

	@Test
	public void stacksOfOneLengthPairSliceBySlice() {
		final ImagePlus ct = stack("ct", 16, "a.png", "b.png");
		assertSame(ct, SlicePairing.ctForLabels(ct, stack("y", 8, "x", "y")));
	}

	@Test
	public void fewerLabelSlicesPairByNameWhateverTheExtensionAndLeadingZeros() {
		final ImagePlus ct = stack("ct", 16, "000.png", "001.png", "002.png", "010.png");
		final ImagePlus paired = SlicePairing.ctForLabels(ct, stack("y", 8, "10", "1.PNG"));
		assertEquals(2, paired.getStackSize());
		assertEquals("010.png", paired.getStack().getSliceLabel(1));
		assertEquals("001.png", paired.getStack().getSliceLabel(2));
		// The paired stack shares the CT's pixels.
		assertSame(ct.getStack().getPixels(4), paired.getStack().getPixels(1));
		assertEquals(10, paired.getStack().getProcessor(1).get(0));
	}

	@Test
	public void refusesWhatCannotBePaired() {
		final ImagePlus ct = stack("ct", 16, "0.png", "1.png", "2.png");
		assertRefused(ct, stack("y", 8, "1", "7"), "no CT slice is named like label slice 2 ('7')");
		assertRefused(stack("ct", 16, "0.png", "0.tif", "2.png"), stack("y", 8, "0"), "two CT slices are named '0'");
		assertRefused(ct, new ImagePlus("y", new ByteProcessor(5, 4)), "is 3x2 but the labels 'y' are 5x4");
	}

	/** Slices of 3x2 pixels, each holding its name's number (if any) in its first pixel. */
	private static ImagePlus stack(final String title, final int bitDepth, final String... names) {
		final ImageStack stack = new ImageStack(3, 2);
		for (final String name : names) {
			final ij.process.ImageProcessor slice = bitDepth == 8 ? new ByteProcessor(3, 2) : new ShortProcessor(3, 2);
			final String digits = name.replaceAll("\\D", "");
			slice.set(0, digits.isEmpty() ? 0 : Integer.parseInt(digits));
			stack.addSlice(name, slice);
		}
		return new ImagePlus(title, stack);
	}

	private static void assertRefused(final ImagePlus ct, final ImagePlus labels, final String messagePart) {
		try {
			SlicePairing.ctForLabels(ct, labels);
			fail("paired " + labels.getTitle());
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
		}
	}
}
