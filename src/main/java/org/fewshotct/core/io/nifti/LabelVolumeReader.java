package org.fewshotct.core.io.nifti;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.label.Connectivity;
import org.fewshotct.core.label.ConnectedComponents;

/**
 * Reads a NIfTI segmentation (one class number per voxel, 0 = background) in display orientation as
 * challenge-style instance labels: every 8-connected component of every class in a slice is one instance,
 * numbered 1..n per slice in raster order; components under a minimum size become background.
 */
final class LabelVolumeReader {

	private LabelVolumeReader() {}

	static ImagePlus read(final File file, final int minSize, final Progress progress) throws IOException {
		if (minSize < 0) throw new UserInputException("min_size must be >= 0 pixels, got " + minSize);
		final ImagePlus image = readClasses(file, progress);
		final ImageStack stack = image.getStack();
		final int width = stack.getWidth(), height = stack.getHeight();
		SliceParallel.forEach(stack.getSize(), SliceParallel.defaultThreads(), progress, s -> {
			final int[] instances = new int[width * height];
			final int count = ConnectedComponents.labelRegions((short[]) stack.getPixels(s + 1), width, height,
				Connectivity.EIGHT, instances);
			final int kept = ConnectedComponents.removeSmall(instances, count, minSize);
			if (kept > 65535) throw new UserInputException(file + ": slice " + (s + 1) + " has " + kept + " instances, " +
				"more than a 16-bit label image holds");
			stack.setPixels(Stacks.labelSlice(instances, width, height).getPixels(), s + 1);
		});
		return image;
	}

	/** The class numbers, in display orientation, as a 16-bit stack; refuses values that are not classes. */
	private static ImagePlus readClasses(final File file, final Progress progress) throws IOException {
		try (VoxelStream stream = VoxelStream.open(file)) {
			final NiftiHeader header = stream.header;
			final double slope = header.slope();
			final double inter = header.inter();
			final DisplayOrientation orientation = new DisplayOrientation(header);
			final int width = orientation.width();
			final short[][] slices = new short[orientation.slices()][width * orientation.height()];
			stream.readInto(orientation.map(), (slice, pixel, stored) -> {
				final double value = slope * stored + inter;
				if (!(value >= 0 && value <= 65535 && value == Math.rint(value))) throw new UserInputException(file +
					" is not a label volume: slice " + (slice + 1) + ", pixel (" + pixel % width + ", " + pixel / width +
					") holds " + value + ", but classes are whole numbers 0..65535");
				slices[slice][pixel] = (short) value;
			}, progress);
			return NiftiVolumes.image(file, orientation, slices);
		}
	}
}
