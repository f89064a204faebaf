package org.fewshotct.core;

import ij.ImagePlus;

/**
 * The checks that raw CT slices without masks ({@code unlabelled=}) pass before a training learns from them,
 * the same for every method: CT (not a label stack, not one value throughout) of the labelled CT's slice size.
 */
public final class UnlabelledCt {

	private UnlabelledCt() {}

	/** Refuses {@code unlabelled} slices that no method can learn from beside {@code ct}, naming both. */
	public static void require(final ImagePlus unlabelled, final ImagePlus ct) {
		if (unlabelled.getWidth() != ct.getWidth() || unlabelled.getHeight() != ct.getHeight())
			throw new UserInputException("The unlabelled slices '" + unlabelled.getTitle() + "' are " + unlabelled
				.getWidth() + "x" + unlabelled.getHeight() + " but the CT '" + ct.getTitle() + "' is " + ct.getWidth() +
				"x" + ct.getHeight() + "; give unlabelled slices of the same size");
		Stacks.requireCt(unlabelled, "unlabelled CT");
	}
}
