package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.process.ImageProcessor;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;

/**
 * Reads a folder of 2D slices (PNG or TIFF; 8, 16 or 32-bit grayscale) as one stack, in natural file-name
 * order (2.png before 10.png), each slice labelled with its file name.
 */
public final class SliceFolderReader {

	private SliceFolderReader() {}

	/** The slice files of the folder, in natural order; refuses a missing or empty folder. */
	public static List<File> sliceFiles(final File folder) {
		if (folder == null || !folder.isDirectory())
			throw new UserInputException("Not a folder: " + folder);
		final File[] files = folder.listFiles(f -> f.isFile() && isSliceFile(f.getName()));
		if (files == null || files.length == 0)
			throw new UserInputException("No PNG or TIFF slices in folder " + folder);
		Arrays.sort(files, (a, b) -> NaturalOrder.compare(a.getName(), b.getName()));
		return Arrays.asList(files);
	}

	static boolean isSliceFile(final String name) {
		final String n = name.toLowerCase(Locale.ROOT);
		return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".tif") || n.endsWith(".tiff"));
	}

	/** Reads every slice of the folder into one stack titled with the folder's name. */
	public static ImagePlus read(final File folder, final Progress progress) {
		final List<File> files = sliceFiles(folder);
		ImageStack stack = null;
		int bitDepth = 0;
		for (int i = 0; i < files.size(); i++) {
			progress.checkCancelled();
			final File file = files.get(i);
			final ImageProcessor slice = readSlice(file);
			if (stack == null) {
				stack = new ImageStack(slice.getWidth(), slice.getHeight());
				bitDepth = slice.getBitDepth();
			}
			else if (slice.getWidth() != stack.getWidth() || slice.getHeight() != stack.getHeight())
				throw new UserInputException("Slice " + file + " is " + slice.getWidth() + "x" + slice.getHeight() +
					", but the first slice is " + stack.getWidth() + "x" + stack.getHeight());
			else if (slice.getBitDepth() != bitDepth)
				throw new UserInputException("Slice " + file + " is " + slice.getBitDepth() +
					"-bit, but the first slice is " + bitDepth + "-bit");
			stack.addSlice(file.getName(), slice);
			progress.report(i + 1, files.size());
		}
		final ImagePlus image = new ImagePlus(folder.getName(), stack);
		SourceFiles.remember(image, folder);
		return image;
	}

	/** One grayscale slice; refuses unreadable, colour or non-image files, naming the file. */
	public static ImageProcessor readSlice(final File file) {
		final ImagePlus image;
		try {
			image = new Opener().openImage(file.getAbsolutePath());
		}
		catch (final RuntimeException e) {
			throw new UserInputException("Cannot read image file " + file + ": " + e.getMessage(), e);
		}
		if (image == null) throw new UserInputException("Not a readable image file: " + file);
		if (image.getStackSize() != 1) throw new UserInputException("Expected one 2D slice in " + file + ", found " +
			image.getStackSize());
		if (image.getBitDepth() == 24) throw new UserInputException("Expected a grayscale slice, but " + file +
			" is RGB colour");
		return image.getProcessor();
	}
}
