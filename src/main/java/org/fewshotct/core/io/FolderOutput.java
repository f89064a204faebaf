package org.fewshotct.core.io;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.fewshotct.core.UserInputException;

/**
 * Writes the many files of one output folder (label slices, a report) so that the folder is either complete or
 * says it is not: a file {@value #MARKER} lies in it while the files are written and is removed only once all of
 * them are. What an interrupted run left (its temporary files) is removed when the next run starts.
 */
public final class FolderOutput {

	/** The marker of a folder whose writing did not finish. */
	public static final String MARKER = "INCOMPLETE";

	/** Writes the files of the folder, each through {@link #file}. */
	@FunctionalInterface
	public interface FolderWriter {
		void write(FolderOutput folder) throws IOException;
	}

	private final File folder;

	private FolderOutput(final File folder) {
		this.folder = folder;
	}

	/** Writes {@code folder} (created if missing) with {@code writer}; refuses a folder that cannot be written. */
	public static void write(final File folder, final FolderWriter writer) throws IOException {
		OutputPaths.requireFolder(folder, Collections.emptyList());
		final Path path = folder.toPath().toAbsolutePath();
		Files.createDirectories(path);
		removeLeftovers(path);
		final Path marker = path.resolve(MARKER);
		Files.write(marker, ("Few-Shot CT is writing this folder, or was stopped before it finished: its files may be " +
			"missing or from an earlier run. Run the command again.\n").getBytes(StandardCharsets.UTF_8));
		writer.write(new FolderOutput(folder));
		Files.delete(marker);
	}

	/** Writes one file of the folder ({@code name} may hold a subfolder: "montage/slice-001.png") atomically. */
	public void file(final String name, final AtomicOutput.FileWriter writer) throws IOException {
		AtomicOutput.writeInCleanFolder(new File(folder, name), writer);
	}

	/** The temporary files of unfinished writes, in the folder and its subfolders (a report's montage/). */
	private static void removeLeftovers(final Path folder) throws IOException {
		AtomicOutput.removeLeftovers(folder, ".");
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
			for (final Path sub : entries)
				AtomicOutput.removeLeftovers(sub, ".");
		}
	}

	/** Refuses to read a folder whose writing did not finish, naming the marker. */
	public static void requireComplete(final File folder) {
		if (new File(folder, MARKER).exists()) throw new UserInputException("The folder " + folder + " holds the " +
			"marker file " + MARKER + ": a Few-Shot CT run writing it did not finish, so slices may be missing. Write " +
			"it again, or delete " + MARKER + " if you know it is complete");
	}
}
