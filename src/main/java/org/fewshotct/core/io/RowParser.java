package org.fewshotct.core.io;

import java.io.File;
import java.nio.ByteBuffer;

import org.fewshotct.core.UserInputException;

/**
 * Parses body rows of a challenge CSV into slice arrays: skips the index cell, then reads one label per slice.
 * A label is a non-negative integer up to 65535; {@code 3.0} reads as 3 (pandas writes floats that way).
 */
final class RowParser {

	private final File csv;
	private final ChallengeCsvReader.Header header;
	private final short[][] slices;

	RowParser(final File csv, final ChallengeCsvReader.Header header, final short[][] slices) {
		this.csv = csv;
		this.header = header;
		this.slices = slices;
	}

	/** Parses every non-blank line of the chunk; the first is pixel row {@code firstRow}. */
	void parse(final ByteBuffer chunk, final int firstRow) {
		final int n = chunk.limit();
		final int columns = slices.length;
		int p = 0;
		int row = firstRow;
		while (p < n) {
			final int lineStart = p;
			while (p < n && (chunk.get(p) == ' ' || chunk.get(p) == '\r'))
				p++;
			if (p < n && chunk.get(p) == '\n') {
				p++;
				continue;
			}
			if (p >= n) break;
			p = skipIndexCell(chunk, p, n);
			for (int s = 0; s < columns; s++) {
				if (p >= n || chunk.get(p) != ',') throw error(row, "has " + (s + 1) + " columns, expected " +
					(columns + 1));
				p++;
				int value = 0;
				int digits = 0;
				byte b;
				while (p < n && (b = chunk.get(p)) >= '0' && b <= '9') {
					value = value * 10 + (b - '0');
					if (value > 65535) throw error(row, "label above 65535 in column '" + header.names.get(s) + "'");
					digits++;
					p++;
				}
				if (p < n && chunk.get(p) == '.') p = skipZeroFraction(chunk, p + 1, n, row, s);
				if (digits == 0 || !endOfCell(chunk, p, n)) throw error(row, "cell in column '" + header.names.get(s) +
					"' is not a non-negative integer: '" + cell(chunk, lineStart, p, n) + "'");
				slices[s][row] = (short) value;
			}
			while (p < n && (chunk.get(p) == '\r' || chunk.get(p) == ' '))
				p++;
			if (p < n && chunk.get(p) != '\n') throw error(row, "has more than " + (columns + 1) + " columns");
			p++;
			row++;
		}
	}

	private static int skipIndexCell(final ByteBuffer chunk, int p, final int n) {
		if (chunk.get(p) == '"') {
			p++;
			while (p < n && chunk.get(p) != '"')
				p++;
			return p + 1;
		}
		while (p < n && chunk.get(p) != ',' && chunk.get(p) != '\n')
			p++;
		return p;
	}

	private int skipZeroFraction(final ByteBuffer chunk, int p, final int n, final int row, final int s) {
		while (p < n && chunk.get(p) >= '0' && chunk.get(p) <= '9') {
			if (chunk.get(p) != '0') throw error(row, "cell in column '" + header.names.get(s) +
				"' is not an integer label");
			p++;
		}
		return p;
	}

	private static boolean endOfCell(final ByteBuffer chunk, final int p, final int n) {
		if (p >= n) return true;
		final byte b = chunk.get(p);
		return b == ',' || b == '\n' || b == '\r' || b == ' ';
	}

	private static String cell(final ByteBuffer chunk, final int lineStart, final int p, final int n) {
		int from = p;
		while (from > lineStart && chunk.get(from - 1) != ',')
			from--;
		int to = p;
		while (to < n && chunk.get(to) != ',' && chunk.get(to) != '\n' && to - from < 40)
			to++;
		final byte[] bytes = new byte[to - from];
		for (int i = 0; i < bytes.length; i++)
			bytes[i] = chunk.get(from + i);
		return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).trim();
	}

	/** Line numbers count the header as line 1. */
	private UserInputException error(final int row, final String what) {
		return new UserInputException(csv + " line " + (row + 2) + ": " + what);
	}
}
