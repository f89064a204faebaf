package org.fewshotct.core.io;

import ij.ImagePlus;

import java.io.File;
import java.util.Collections;

import org.fewshotct.core.UserInputException;

/**
 * The one check every output path goes through before any work: it must not be a file or folder an open image
 * was read from, must be of the right kind (a file, or a folder), and must be writable: a write-protected file
 * is refused rather than replaced, and a folder that cannot be written is named with "permission denied".
 */
public final class OutputPaths {

	private OutputPaths() {}

	/** Refuses an output file that cannot or must not be written. */
	public static void requireFile(final File file, final Iterable<ImagePlus> inputs) {
		if (file.isDirectory()) throw new UserInputException("The output " + file + " is a folder, not a file");
		SourceFiles.requireNotAnInput(file, inputs);
		if (file.exists() && !FilePermissions.writable(file.toPath())) throw new UserInputException("The output " +
			file + " is write-protected; it was left unchanged (make it writable, or choose another file)");
		requireWritableFolder(file.getAbsoluteFile().getParentFile(), file);
	}

	/** As {@link #requireFile}, without open images to protect: the check of the writers themselves. */
	static void requireFile(final File file) {
		requireFile(file, Collections.emptyList());
	}

	/** Refuses an output folder (created if missing) that cannot or must not be written into. */
	public static void requireFolder(final File folder, final Iterable<ImagePlus> inputs) {
		if (folder.isFile()) throw new UserInputException("The output " + folder + " is a file, not a folder");
		SourceFiles.requireNotAnInput(folder, inputs);
		requireWritableFolder(folder.getAbsoluteFile(), folder);
	}

	/** The folder, or where it would be created (its nearest existing ancestor), must be a writable folder. */
	private static void requireWritableFolder(final File folder, final File output) {
		File existing = folder;
		while (existing != null && !existing.exists())
			existing = existing.getParentFile();
		if (existing == null) return;
		if (!existing.isDirectory()) throw new UserInputException("Cannot write " + output + ": " + existing +
			" is a file, not a folder");
		if (!FilePermissions.writable(existing.toPath())) throw new UserInputException("Cannot write " + output +
			": permission denied to write into the folder " + existing);
	}
}
