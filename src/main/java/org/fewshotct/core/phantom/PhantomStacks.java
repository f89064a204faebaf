package org.fewshotct.core.phantom;

import ij.ImagePlus;

/** A phantom stack: the CT (16-bit, HU + 1024) and its instance labels (16-bit), same slice labels. */
public final class PhantomStacks {

	private final ImagePlus ct;
	private final ImagePlus labels;

	PhantomStacks(final ImagePlus ct, final ImagePlus labels) {
		this.ct = ct;
		this.labels = labels;
	}

	/** Titled {@value PhantomGenerator#CT_TITLE}, shown in a soft-tissue window. */
	public ImagePlus ct() {
		return ct;
	}

	/** Titled {@value PhantomGenerator#LABELS_TITLE}. */
	public ImagePlus labels() {
		return labels;
	}
}
