package org.fewshotct.core;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pairs the slices of a CT stack with those of its label stack for training. Stacks of the same length pair
 * slice by slice. A label stack with another number of slices, such as masks for 400 of 2000 training slices,
 * pairs by slice name: each label slice with the CT slice of the same name, ignoring an image file extension,
 * and numbers by value ({@code 017.png}, {@code 17.tif} and {@code 17}, a pandas column name, are one name).
 */
public final class SlicePairing {

	private SlicePairing() {}

	/**
	 * The CT slices that go with the label slices, in the labels' order: the CT itself where the lengths agree,
	 * else a stack of the named CT slices (sharing their pixels, not copying them).
	 */
	public static ImagePlus ctForLabels(final ImagePlus ct, final ImagePlus labels) {
		if (ct.getWidth() != labels.getWidth() || ct.getHeight() != labels.getHeight())
			throw new UserInputException("The CT '" + ct.getTitle() + "' is " + ct.getWidth() + "x" + ct.getHeight() +
				" but the labels '" + labels.getTitle() + "' are " + labels.getWidth() + "x" + labels.getHeight());
		if (ct.getStackSize() == labels.getStackSize()) return ct;
		final ImageStack ctStack = ct.getStack();
		final Map<String, Integer> byName = new HashMap<>();
		for (int s = 1; s <= ctStack.getSize(); s++) {
			final String name = key(Stacks.sliceName(ctStack, s));
			if (name != null && byName.put(name, s) != null) throw new UserInputException("The CT '" + ct.getTitle() +
				"' has " + ct.getStackSize() + " slices and the labels '" + labels.getTitle() + "' " + labels
					.getStackSize() + ", so slices are paired by name, but two CT slices are named '" + name + "'");
		}
		final ImageStack labelStack = labels.getStack();
		final ImageStack paired = new ImageStack(ct.getWidth(), ct.getHeight());
		for (int s = 1; s <= labelStack.getSize(); s++) {
			final String name = Stacks.sliceName(labelStack, s);
			final Integer match = byName.get(key(name));
			if (match == null) throw new UserInputException("The CT '" + ct.getTitle() + "' has " + ct.getStackSize() +
				" slices and the labels '" + labels.getTitle() + "' " + labels.getStackSize() + ", so slices are paired " +
				"by name, but no CT slice is named like label slice " + s + (name == null ? " (it has no name)" : " ('" +
					name + "')"));
			paired.addSlice(ctStack.getSliceLabel(match), ctStack.getProcessor(match));
		}
		final ImagePlus image = new ImagePlus(ct.getTitle(), paired);
		image.setCalibration(ct.getCalibration());
		return image;
	}

	/** A name without its image extension, and a number without its leading zeros. */
	private static String key(final String name) {
		if (name == null) return null;
		final String key = name.replaceFirst("(?i)\\.(png|tiff?)$", "").toLowerCase(Locale.ROOT);
		return key.matches("\\d+") ? key.replaceFirst("^0+(?=.)", "") : key;
	}
}
