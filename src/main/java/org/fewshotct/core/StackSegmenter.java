package org.fewshotct.core;

import ij.ImagePlus;

/**
 * A segmentation method ready to run: turns a CT stack into an instance label stack. The baseline, a loaded
 * Weka model and a loaded U-Net are each one, so comparisons and batch scripts treat them alike.
 */
public interface StackSegmenter {

	/** The method's short name, used in titles and tables: "baseline", "weka", "unet". */
	String name();

	/**
	 * Instance labels for every slice of {@code ct}: a 16-bit stack of the same size, 0 = background, titled
	 * {@code <ct title>-<name>}, with the CT's slice labels. Refuses unsuitable input with a
	 * {@link UserInputException} before any work; throws {@link CancelledException} when cancelled.
	 */
	ImagePlus segment(ImagePlus ct, Progress progress);
}
