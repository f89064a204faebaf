package org.fewshotct.core.io;

/**
 * Counts the rows in a chunk of a CSV body: lines that hold anything but spaces and carriage returns, as the
 * {@link RowParser} skips blank lines. It is the first of two passes over a file, so it only looks at line
 * starts closely and otherwise just finds the newlines.
 */
final class RowCounter {

	private RowCounter() {}

	/** Rows in the first {@code n} bytes of {@code chunk}, which starts at a line start. */
	static int rows(final byte[] chunk, final int n) {
		int rows = n > 0 && !blankLine(chunk, 0, n) ? 1 : 0;
		for (int i = 0; i < n; i++)
			if (chunk[i] == '\n' && i + 1 < n && !blankLine(chunk, i + 1, n)) rows++;
		return rows;
	}

	private static boolean blankLine(final byte[] chunk, int p, final int n) {
		for (; p < n; p++) {
			final byte b = chunk[p];
			if (b == '\n') return true;
			if (b != ' ' && b != '\r') return false;
		}
		return true;
	}
}
