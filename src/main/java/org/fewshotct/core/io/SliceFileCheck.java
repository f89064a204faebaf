package org.fewshotct.core.io;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;

import org.fewshotct.core.UserInputException;

/**
 * Refuses a slice file whose content cannot be what its name says, before ImageJ's opener sees it: given a text
 * file named {@code .png} or an empty file, that opener shows an "Unsupported format" dialog and aborts a macro
 * with a stack trace instead of naming the file.
 */
final class SliceFileCheck {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	private static final byte[][] TIFF = { { 'I', 'I', 42, 0 }, { 'M', 'M', 0, 42 }, { 'I', 'I', 43, 0 }, { 'M',
		'M', 0, 43 } };

	private SliceFileCheck() {}

	static void require(final File file) {
		if (!FilePermissions.readable(file.toPath())) throw new UserInputException("Cannot read the slice file " +
			file + ": permission denied");
		final byte[] start = new byte[8];
		final int n;
		try (InputStream in = Files.newInputStream(file.toPath())) {
			n = in.readNBytes(start, 0, start.length);
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot read the slice file " + file + ": " + e.getMessage(), e);
		}
		if (n == 0) throw new UserInputException("The slice file " + file + " is empty (0 bytes)");
		final String name = file.getName().toLowerCase(Locale.ROOT);
		if (name.endsWith(".png") && !startsWith(start, n, PNG)) throw notA(file, "PNG", start, n);
		if ((name.endsWith(".tif") || name.endsWith(".tiff")) && !isTiff(start, n)) throw notA(file, "TIFF", start, n);
	}

	private static boolean isTiff(final byte[] start, final int n) {
		for (final byte[] magic : TIFF)
			if (startsWith(start, n, magic)) return true;
		return false;
	}

	private static boolean startsWith(final byte[] start, final int n, final byte[] magic) {
		return n >= magic.length && Arrays.equals(Arrays.copyOf(start, magic.length), magic);
	}

	private static UserInputException notA(final File file, final String format, final byte[] start, final int n) {
		final String what = startsWith(start, n, PNG) ? "a PNG image" : isTiff(start, n) ? "a TIFF image" : isText(
			start, n) ? "text" : "something else";
		return new UserInputException("The slice file " + file + " is not a " + format + " image: its content is " +
			what);
	}

	private static boolean isText(final byte[] start, final int n) {
		for (int i = 0; i < n; i++)
			if (start[i] < 0x09 || start[i] > 0x7e) return false;
		return true;
	}
}
