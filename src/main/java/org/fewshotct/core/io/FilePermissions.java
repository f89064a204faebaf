package org.fewshotct.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Whether a file or folder may be read or written, by its permission bits as well as by the system's answer:
 * root passes every access check, yet a file its owner made read-only ({@code chmod 444}) must stay as it is.
 */
final class FilePermissions {

	private FilePermissions() {}

	static boolean writable(final Path path) {
		return Files.isWritable(path) && anyOf(path, PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
			PosixFilePermission.OTHERS_WRITE);
	}

	static boolean readable(final Path path) {
		return Files.isReadable(path) && anyOf(path, PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
			PosixFilePermission.OTHERS_READ);
	}

	private static boolean anyOf(final Path path, final PosixFilePermission... bits) {
		final Set<PosixFilePermission> permissions;
		try {
			permissions = Files.getPosixFilePermissions(path);
		}
		catch (final UnsupportedOperationException | IOException e) {
			return true; // not a POSIX file system, or gone: the system's answer stands
		}
		for (final PosixFilePermission bit : bits)
			if (permissions.contains(bit)) return true;
		return false;
	}
}
