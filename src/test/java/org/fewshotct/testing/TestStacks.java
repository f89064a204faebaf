package org.fewshotct.testing;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

import java.io.File;
import java.util.Random;

/** Small synthetic stacks for tests. */
public final class TestStacks {

	private TestStacks() {}

	/** A 16-bit label stack of random blocky labels 0..maxLabel, seeded; slices named s0, s1, ... */
	public static ImagePlus labels(final int width, final int height, final int slices, final int maxLabel,
		final long seed)
	{
		final Random random = new Random(seed);
		final ImageStack stack = new ImageStack(width, height);
		for (int s = 0; s < slices; s++) {
			final short[] pixels = new short[width * height];
			for (int i = 0; i < pixels.length; i++)
				pixels[i] = (short) (((i % width) / 3 + (i / width) / 5 + random.nextInt(2)) % (maxLabel + 1));
			stack.addSlice("s" + s, new ShortProcessor(width, height, pixels, null));
		}
		return new ImagePlus("labels", stack);
	}

	/** Saves each slice of the stack as a PNG in the folder, named after the slice labels. */
	public static void savePngs(final ImagePlus stack, final File folder) {
		folder.mkdirs();
		for (int s = 1; s <= stack.getStackSize(); s++) {
			final ImagePlus slice = new ImagePlus("", stack.getStack().getProcessor(s));
			new FileSaver(slice).saveAsPng(new File(folder, stack.getStack().getSliceLabel(s) + ".png").getPath());
		}
	}

	/** The given slices (0-based) as a stack with the same calibration and slice labels. */
	public static ImagePlus slices(final ImagePlus image, final int... indices) {
		final ImageStack stack = new ImageStack(image.getWidth(), image.getHeight());
		for (final int index : indices)
			stack.addSlice(image.getStack().getSliceLabel(index + 1), image.getStack().getProcessor(index + 1));
		final ImagePlus part = new ImagePlus(image.getTitle(), stack);
		part.setCalibration(image.getCalibration());
		return part;
	}
}
