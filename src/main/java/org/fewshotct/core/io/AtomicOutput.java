package org.fewshotct.core.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes an output file through a temporary file that is moved into place only when complete, so a failure or a
 * cancel leaves no half-written file and an earlier version stays intact. The temporary file keeps the target's
 * name (some writers, ImageJ's table saver among them, choose the format by the extension) inside a hidden
 * folder {@code .NAME.partial-XXXX} beside the target: what a killed run leaves ends in no {@code .png} or
 * {@code .csv} that a reader could take for a result, and the next write of that name removes it. So one target
 * takes one writer at a time: a second writer of the same name would remove the first one's temporary folder.
 */
public final class AtomicOutput {

	/** Writes the content of a file at the given path. */
	@FunctionalInterface
	public interface FileWriter {
		void write(Path path) throws IOException;
	}

	private static final String PARTIAL = ".partial-";

	private AtomicOutput() {}

	/** Writes {@code target}; refuses a write-protected file or a folder that cannot be written into. */
	public static void write(final File target, final FileWriter writer) throws IOException {
		OutputPaths.requireFile(target);
		final Path destination = target.toPath().toAbsolutePath();
		removeLeftovers(destination.getParent(), "." + destination.getFileName() + PARTIAL);
		stage(destination, writer);
	}

	/**
	 * As {@link #write}, for the many files of a {@link FolderOutput}, which removed every leftover of the folder
	 * once rather than listing it again for every file.
	 */
	static void writeInCleanFolder(final File target, final FileWriter writer) throws IOException {
		OutputPaths.requireFile(target);
		stage(target.toPath().toAbsolutePath(), writer);
	}

	/** Writes into a hidden staging folder beside the destination, then moves the file into place. */
	private static void stage(final Path destination, final FileWriter writer) throws IOException {
		final Path parent = destination.getParent();
		Files.createDirectories(parent);
		final String name = destination.getFileName().toString();
		final Path staging = Files.createTempDirectory(parent, "." + name + PARTIAL);
		final Path temporary = staging.resolve(name);
		try {
			writer.write(temporary);
			makeReadable(temporary, destination);
			try {
				Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			delete(staging);
		}
	}

	/** Whether a file or folder name is one of the temporary outputs of an unfinished write. */
	static boolean isPartial(final String name) {
		return name.startsWith(".") && name.contains(PARTIAL);
	}

	/** Removes what unfinished writes left in the folder: every entry whose name starts with {@code prefix}. */
	static void removeLeftovers(final Path folder, final String prefix) throws IOException {
		if (!Files.isDirectory(folder)) return;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, entry -> entry.getFileName().toString()
			.startsWith(prefix) && isPartial(entry.getFileName().toString())))
		{
			for (final Path entry : entries)
				delete(entry);
		}
	}

	private static void delete(final Path path) throws IOException {
		if (!Files.isDirectory(path)) {
			Files.deleteIfExists(path);
			return;
		}
		try (Stream<Path> tree = Files.walk(path)) {
			for (final Path entry : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator)
				Files.deleteIfExists(entry);
		}
	}

	/**
	 * Temporary files may be private; the result should be as readable as any file a user saves, so a report
	 * can be served or shared: the permissions of the file it replaces, else rw-r--r--.
	 */
	private static void makeReadable(final Path temporary, final Path destination) throws IOException {
		try {
			final Set<PosixFilePermission> permissions = Files.exists(destination) ? Files.getPosixFilePermissions(
				destination) : PosixFilePermissions.fromString("rw-r--r--");
			Files.setPosixFilePermissions(temporary, permissions);
		}
		catch (final UnsupportedOperationException e) {
			// Not a POSIX file system: its defaults apply.
		}
	}
}
