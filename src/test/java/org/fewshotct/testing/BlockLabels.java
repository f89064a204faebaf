package org.fewshotct.testing;

import ij.ImagePlus;
import ij.ImageStack;

import org.fewshotct.core.Stacks;

/** A small truth stack of rectangles, some touching, that change a little from slice to slice. */
public final class BlockLabels {

	public static final int WIDTH = 40;
	public static final int HEIGHT = 32;

	private BlockLabels() {}

	/** Labels 1 and 2 touch side by side, 3 lies below both, 4 stands apart and grows with the slice. */
	public static ImagePlus truth(final int slices) {
		final ImageStack stack = new ImageStack(WIDTH, HEIGHT);
		for (int s = 0; s < slices; s++) {
			final int[] labels = new int[WIDTH * HEIGHT];
			fill(labels, 1, 2, 2, 13, 13);
			fill(labels, 2, 14, 2, 25, 13);
			fill(labels, 3, 2, 16, 25, 27);
			fill(labels, 4, 28, 4, 37, 10 + 3 * s);
			stack.addSlice("s" + s, Stacks.labelSlice(labels, WIDTH, HEIGHT));
		}
		return new ImagePlus("truth", stack);
	}

	private static void fill(final int[] labels, final int label, final int x0, final int y0, final int x1,
		final int y1)
	{
		for (int y = y0; y <= y1; y++)
			for (int x = x0; x <= x1; x++)
				labels[y * WIDTH + x] = label;
	}
}
