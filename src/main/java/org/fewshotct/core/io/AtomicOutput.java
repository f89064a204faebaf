package org.fewshotct.core.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an output file through a temporary file beside it that is moved into place only when complete, so a
 * failure or a cancel leaves no half-written file and an earlier version stays intact.
 */
public final class AtomicOutput {

	/** Writes the content of a file at the given path. */
	@FunctionalInterface
	public interface FileWriter {
		void write(Path path) throws IOException;
	}

	private AtomicOutput() {}

	public static void write(final File target, final FileWriter writer) throws IOException {
		final Path destination = target.toPath().toAbsolutePath();
		final Path parent = destination.getParent();
		if (parent != null) Files.createDirectories(parent);
		// Keep the extension: some writers (ImageJ's table and image savers) choose the format by it.
		final String name = destination.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		final Path temporary = Files.createTempFile(parent, "." + name + ".partial-", dot > 0 ? name.substring(dot)
			: "");
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
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Temporary files are private (rw-------); the result should be as readable as any file a user saves, so
	 * a report can be served or shared: the permissions of the file it replaces, else rw-r--r--.
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
