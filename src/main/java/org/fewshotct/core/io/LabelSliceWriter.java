package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;

/**
 * Writes a label stack as one grayscale PNG per slice (8 or 16-bit, as the stack, whatever its lookup table),
 * named after its slice label, into a folder marked {@value FolderOutput#MARKER} until every slice is written.
 */
public final class LabelSliceWriter {

	private LabelSliceWriter() {}

	/** Writes the slices on all cores. */
	public static void write(final ImagePlus labels, final File folder, final Progress progress) throws IOException {
		write(labels, folder, SliceParallel.defaultThreads(), progress);
	}

	public static void write(final ImagePlus labels, final File folder, final int threads, final Progress progress)
		throws IOException
	{
		Stacks.requireLabels(labels, "label image");
		if (folder.exists() && !folder.isDirectory()) throw new UserInputException("Not a folder: " + folder);
		final ImageStack stack = labels.getStack();
		final String[] names = fileNames(stack);
		FolderOutput.write(folder, output -> SliceParallel.forEachFile(stack.getSize(), threads, progress, s -> {
			final ImageProcessor slice = stack.getProcessor(s + 1);
			output.file(names[s], path -> GrayPng.write(slice, path.toFile()));
		}));
	}

	/** The files {@link #write} writes: one per slice, named after its label. */
	public static List<File> files(final ImagePlus labels, final File folder) {
		final List<File> files = new ArrayList<>();
		for (final String name : fileNames(labels.getStack()))
			files.add(new File(folder, name));
		return files;
	}

	/** File names from slice labels ({@code 007.png} stays, {@code 007} gets {@code .png}); no duplicates. */
	public static String[] fileNames(final ImageStack stack) {
		final String[] names = new String[stack.getSize()];
		final Set<String> seen = new HashSet<>();
		for (int s = 1; s <= stack.getSize(); s++) {
			String label = Stacks.sliceName(stack, s);
			if (label == null) label = String.format("%03d", s - 1);
			label = label.trim().replaceAll("[\\\\/:*?\"<>|]", "_");
			final String name = label.toLowerCase().endsWith(".png") ? label : label.replaceFirst(
				"(?i)\\.(tif|tiff)$", "") + ".png";
			if (!seen.add(name)) throw new UserInputException("Slices " + s + " and an earlier one would both be " +
				"saved as " + name + "; give the slices distinct labels");
			names[s - 1] = name;
		}
		return names;
	}
}
