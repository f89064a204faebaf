package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.process.ImageProcessor;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.UserInputException;

/**
 * Reads a folder of 2D slices (PNG or TIFF; 8, 16 or 32-bit grayscale) as one stack, in natural file-name
 * order (2.png before 10.png), each slice labelled with its file name.
 */
public final class SliceFolderReader {

	private static final Object IMAGEJ_OPENER = new Object();

	private SliceFolderReader() {}

	/** The slice files of the folder, in natural order; refuses a missing or empty folder. */
	public static List<File> sliceFiles(final File folder) {
		if (folder == null || !folder.isDirectory())
			throw new UserInputException("Not a folder: " + folder);
		if (!FilePermissions.readable(folder.toPath())) throw new UserInputException("Cannot read the folder " +
			folder + ": permission denied");
		FolderOutput.requireComplete(folder);
		final File[] files = folder.listFiles(f -> f.isFile() && isSliceFile(f.getName()));
		if (files == null) throw new UserInputException("Cannot read the folder " + folder);
		if (files.length == 0) throw new UserInputException("No PNG or TIFF slices in folder " + folder);
		Arrays.sort(files, (a, b) -> NaturalOrder.compare(a.getName(), b.getName()));
		return Arrays.asList(files);
	}

	static boolean isSliceFile(final String name) {
		final String n = name.toLowerCase(Locale.ROOT);
		return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".tif") || n.endsWith(".tiff"));
	}

	/** Reads every slice of the folder into one stack titled with the folder's name, on all cores. */
	public static ImagePlus read(final File folder, final Progress progress) {
		return read(folder, SliceParallel.defaultThreads(), progress);
	}

	/** Reads every slice of the folder into one stack titled with the folder's name. */
	public static ImagePlus read(final File folder, final int threads, final Progress progress) {
		final List<File> files = sliceFiles(folder);
		final ImageProcessor[] slices = new ImageProcessor[files.size()];
		SliceParallel.forEach(slices.length, threads, progress, i -> slices[i] = readSlice(files.get(i)));
		final ImageStack stack = new ImageStack(slices[0].getWidth(), slices[0].getHeight());
		final int bitDepth = slices[0].getBitDepth();
		for (int i = 0; i < slices.length; i++) {
			final ImageProcessor slice = slices[i];
			final File file = files.get(i);
			if (slice.getWidth() != stack.getWidth() || slice.getHeight() != stack.getHeight())
				throw new UserInputException("Slice " + file + " is " + slice.getWidth() + "x" + slice.getHeight() +
					", but the first slice is " + stack.getWidth() + "x" + stack.getHeight());
			if (slice.getBitDepth() != bitDepth) throw new UserInputException("Slice " + file + " is " + slice
				.getBitDepth() + "-bit, but the first slice is " + bitDepth + "-bit");
			stack.addSlice(file.getName(), slice);
		}
		final ImagePlus image = new ImagePlus(folder.getName(), stack);
		SourceFiles.remember(image, folder);
		return image;
	}

	/**
	 * One grayscale slice; refuses unreadable, colour or non-image files, naming the file. Grayscale PNGs, the
	 * common case, are decoded by {@link GrayPng}; anything else by ImageJ, one file at a time, as its opener
	 * was not written for concurrent use.
	 */
	public static ImageProcessor readSlice(final File file) {
		SliceFileCheck.require(file);
		try {
			final ImageProcessor png = GrayPng.read(file);
			if (png != null) return png;
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot read image file " + file + ": " + e.getMessage(), e);
		}
		final ImagePlus image;
		synchronized (IMAGEJ_OPENER) {
			try {
				image = new Opener().openImage(file.getAbsolutePath());
			}
			catch (final RuntimeException e) {
				throw new UserInputException("Cannot read image file " + file + ": " + e.getMessage(), e);
			}
		}
		if (image == null) throw new UserInputException("Not a readable image file: " + file);
		if (image.getStackSize() != 1) throw new UserInputException("Expected one 2D slice in " + file + ", found " +
			image.getStackSize());
		if (image.getBitDepth() == 24) throw new UserInputException("Expected a grayscale slice, but " + file +
			" is RGB colour");
		return image.getProcessor();
	}
}
