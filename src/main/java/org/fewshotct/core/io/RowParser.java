package org.fewshotct.core.io;

import java.io.File;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.fewshotct.core.UserInputException;

/**
 * Parses body rows of a challenge CSV into slice arrays: skips the index cell, then reads one label per slice.
 * A label is a non-negative integer up to 65535; {@code 3.0} reads as 3 (pandas writes floats that way).
 */
final class RowParser {

	private static final int TILE = 64;
	private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
		ByteOrder.LITTLE_ENDIAN);
	private static final long EVEN_BYTES = 0x00ff_00ff_00ff_00ffL;
	private static final long COMMAS = 0x002c_002c_002c_002cL;
	private static final long LANE_TOPS = 0x8000_8000_8000_8000L;

	private final File csv;
	private final ChallengeCsvReader.Header header;
	private final short[][] slices;
	/** The value of the cell {@link #parseCell} read last. */
	private int cellValue;

	RowParser(final File csv, final ChallengeCsvReader.Header header, final short[][] slices) {
		this.csv = csv;
		this.header = header;
		this.slices = slices;
	}

	/** Parses every non-blank line of the chunk, the first as pixel row {@code firstRow}; returns how many. */
	int parse(final byte[] chunk, final int n, final int firstRow) {
		final int columns = slices.length;
		// Rows are parsed into a small tile, slice by slice (TILE rows of slice s from s * TILE), and copied out
		// in runs: storing each cell straight into its slice would touch a different array for every cell.
		final short[] tile = new short[TILE * columns];
		int tileRows = 0;
		int p = 0;
		int row = firstRow;
		while (p < n) {
			final int lineStart = p;
			while (p < n && (chunk[p] == ' ' || chunk[p] == '\r'))
				p++;
			if (p < n && chunk[p] == '\n') {
				p++;
				continue;
			}
			if (p >= n) break;
			p = skipIndexCell(chunk, p, n);
			p = parseCells(chunk, p, n, tile, tileRows, lineStart, row);
			while (p < n && (chunk[p] == '\r' || chunk[p] == ' '))
				p++;
			if (p < n && chunk[p] != '\n') throw error(row, "has more than " + (columns + 1) + " columns");
			p++;
			row++;
			if (++tileRows == TILE) {
				flush(tile, tileRows, row - tileRows);
				tileRows = 0;
			}
		}
		flush(tile, tileRows, row - tileRows);
		return row - firstRow;
	}

	/**
	 * Parses the label cells of one row, from the comma after its index cell, into row {@code tileRow} of the
	 * tile; returns the position after the last one. A method of its own, so the JIT compiles it
	 * early in a one-off read.
	 */
	private int parseCells(final byte[] chunk, int p, final int n, final short[] tile, final int tileRow,
		final int lineStart, final int row)
	{
		final int columns = slices.length;
		for (int s = 0; s < columns; s++) {
			// Four one-digit cells with a fifth after them, the common case, are read as one word of 8 bytes.
			if (s + 4 < columns && p + 8 < n && chunk[p + 8] == ',') {
				final long digits = fourDigitCells((long) WORDS.get(chunk, p));
				if (digits >= 0) {
					final int t = s * TILE + tileRow;
					tile[t] = (short) digits;
					tile[t + TILE] = (short) (digits >>> 16);
					tile[t + 2 * TILE] = (short) (digits >>> 32);
					tile[t + 3 * TILE] = (short) (digits >>> 48);
					p += 8;
					s += 3;
					continue;
				}
			}
			// The next most common: a comma and one or two digits before the next comma or newline.
			if (p + 3 < n && chunk[p] == ',') {
				final int first = chunk[p + 1] - '0';
				final byte next = chunk[p + 2];
				if (first >= 0 && first <= 9) {
					if (next == ',' || next == '\n') {
						tile[s * TILE + tileRow] = (short) first;
						p += 2;
						continue;
					}
					final int second = next - '0';
					final byte after = chunk[p + 3];
					if (second >= 0 && second <= 9 && (after == ',' || after == '\n')) {
						tile[s * TILE + tileRow] = (short) (first * 10 + second);
						p += 3;
						continue;
					}
				}
			}
			p = parseCell(chunk, p, n, lineStart, row, s);
			tile[s * TILE + tileRow] = (short) cellValue;
		}
		return p;
	}

	/**
	 * The digits of a word of four one-digit cells (",3,0,0,7"), each in a 16-bit lane, or -1 where the word
	 * is not that: commas in the even bytes and digits in the odd ones, all tested at once.
	 */
	static long fourDigitCells(final long word) {
		if ((word & EVEN_BYTES) != COMMAS) return -1;
		final long lanes = word >>> 8 & EVEN_BYTES;
		// A lane's top bit, after adding, says whether it reached '0', and then whether it passed '9'.
		final long atLeastZero = lanes + 0x7fd0_7fd0_7fd0_7fd0L;
		final long aboveNine = lanes + 0x7fc6_7fc6_7fc6_7fc6L;
		if ((atLeastZero & ~aboveNine & LANE_TOPS) != LANE_TOPS) return -1;
		return lanes - 0x0030_0030_0030_0030L;
	}

	/** Parses the cell at the comma at {@code p} into {@link #cellValue}; returns the position after it. */
	private int parseCell(final byte[] chunk, int p, final int n, final int lineStart, final int row, final int s) {
		if (p >= n || chunk[p] != ',') throw error(row, "has " + (s + 1) + " columns, expected " + (slices.length +
			1));
		p++;
		// pandas reads a quoted number ("7", as QUOTE_ALL writes it) as the number.
		final boolean quoted = p < n && chunk[p] == '"';
		if (quoted) p++;
		int value = 0;
		int digits = 0;
		byte b;
		while (p < n && (b = chunk[p]) >= '0' && b <= '9') {
			value = value * 10 + (b - '0');
			if (value > 65535) throw error(row, "label above 65535 in column '" + header.names.get(s) + "'");
			digits++;
			p++;
		}
		if (p < n && chunk[p] == '.') p = skipZeroFraction(chunk, p + 1, n, row, s);
		final boolean closed = !quoted || p < n && chunk[p] == '"';
		if (quoted && closed) p++;
		if (digits == 0 || !closed || !endOfCell(chunk, p, n)) throw error(row, "cell in column '" + header.names.get(
			s) + "' is not a non-negative integer: '" + cell(chunk, lineStart, p, n) + "'");
		cellValue = value;
		return p;
	}

	private void flush(final short[] tile, final int rows, final int firstRow) {
		for (int s = 0; s < slices.length; s++)
			System.arraycopy(tile, s * TILE, slices[s], firstRow, rows);
	}

	/**
	 * The row number in the index cell at {@code p} (12, "Pixel 12", a quoted one), or -1 where it holds none:
	 * the digits that end the cell after any other characters.
	 */
	static long rowIndex(final byte[] chunk, int p, final int n) {
		if (p < n && chunk[p] == '"') p++;
		while (p < n && chunk[p] != ',' && chunk[p] != '"' && chunk[p] != '\n' && (chunk[p] < '0' || chunk[p] > '9'))
			p++;
		long index = -1;
		for (; p < n && chunk[p] >= '0' && chunk[p] <= '9' && index < Integer.MAX_VALUE; p++)
			index = Math.max(0, index) * 10 + chunk[p] - '0';
		if (p < n && chunk[p] == '"') p++;
		return p < n && chunk[p] == ',' ? index : -1;
	}

	private static int skipIndexCell(final byte[] chunk, int p, final int n) {
		if (chunk[p] == '"') {
			p++;
			while (p < n && chunk[p] != '"')
				p++;
			return p + 1;
		}
		while (p < n && chunk[p] != ',' && chunk[p] != '\n')
			p++;
		return p;
	}

	private int skipZeroFraction(final byte[] chunk, int p, final int n, final int row, final int s) {
		while (p < n && chunk[p] >= '0' && chunk[p] <= '9') {
			if (chunk[p] != '0') throw error(row, "cell in column '" + header.names.get(s) +
				"' is not an integer label");
			p++;
		}
		return p;
	}

	private static boolean endOfCell(final byte[] chunk, final int p, final int n) {
		if (p >= n) return true;
		final byte b = chunk[p];
		return b == ',' || b == '\n' || b == '\r' || b == ' ';
	}

	private static String cell(final byte[] chunk, final int lineStart, final int p, final int n) {
		int from = p;
		while (from > lineStart && chunk[from - 1] != ',')
			from--;
		int to = p;
		while (to < n && chunk[to] != ',' && chunk[to] != '\n' && to - from < 40)
			to++;
		final byte[] bytes = new byte[to - from];
		for (int i = 0; i < bytes.length; i++)
			bytes[i] = chunk[from + i];
		// As written, spaces included: a cell " 7" is reported as ' 7', not as the '7' it seems to be.
		return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\r", "");
	}

	/** Line numbers count the header as line 1. */
	private UserInputException error(final int row, final String what) {
		return new UserInputException(csv + " line " + (row + 2) + ": " + what);
	}
}
