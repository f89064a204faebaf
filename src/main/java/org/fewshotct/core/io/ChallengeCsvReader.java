package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.UserInputException;

/**
 * Reads a challenge CSV (one row per pixel, one column per slice, the pixel index first, a header row of slice
 * names) into a 16-bit label stack. Reads every header style seen in the wild: pandas' default ({@code ,0,1}),
 * slice names ({@code ,0.png,1.png}) and pixel names in the index column ({@code Pixel 0}). Square slices are
 * inferred from the row count unless a size is given.
 * <p>
 * The file is read and parsed in chunks on all cores, each chunk straight into the slice arrays; every cell
 * is checked (integer, 0..65535) and an error names the line and the column.
 * </p>
 */
public final class ChallengeCsvReader {

	/** Chunks of a few MB: one stays in cache between loading and parsing, and many balance the cores. */
	private static final long CHUNK_BYTES = 4L << 20;
	/** Reads go through the JDK's cached temporary direct buffer, so keep them at most this long. */
	private static final int READ_BYTES = 1 << 20;
	/** Enough for the last row of a CSV with thousands of slices; a longer one makes the rows be counted. */
	private static final int TAIL_BYTES = 1 << 16;

	private ChallengeCsvReader() {}

	/** Reads the CSV; width and height 0 mean "square, from the row count". */
	public static ImagePlus read(final File csv, final int width, final int height, final int threads,
		final Progress progress) throws IOException
	{
		if (csv.isDirectory()) throw new UserInputException(csv + " is a folder, not a CSV file");
		if (!csv.isFile()) throw new UserInputException("No such CSV file: " + csv);
		if (!FilePermissions.readable(csv.toPath())) throw new UserInputException("Cannot read the CSV file " + csv +
			": permission denied");
		try (FileChannel channel = FileChannel.open(csv.toPath(), StandardOpenOption.READ)) {
			final Header header = Header.read(channel, csv);
			final List<long[]> chunks = chunks(channel, header.end, threads);
			// Chunk buffers per thread of this call only, so they are garbage once the file is read.
			final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[0]);
			final Body body = new Body(csv, channel, header, chunks, buffers, threads);
			// Rows are placed by their pixel index where the index column numbers them 0, 1, 2... (as pandas writes
			// it), which spares a pass counting the rows of every chunk; any other index is counted.
			final int[] numbered = body.firstRowsFromIndex();
			final ImagePlus image = numbered == null ? null : body.parse(numbered, true, width, height, progress);
			if (image != null) return image;
			return body.parse(body.countedFirstRows(), false, width, height, progress);
		}
	}

	/** The body of one CSV file, cut into chunks that start at line starts. */
	private static final class Body {

		private final File csv;
		private final FileChannel channel;
		private final Header header;
		private final List<long[]> chunks;
		private final ThreadLocal<byte[]> buffers;
		private final int threads;

		Body(final File csv, final FileChannel channel, final Header header, final List<long[]> chunks,
			final ThreadLocal<byte[]> buffers, final int threads)
		{
			this.csv = csv;
			this.channel = channel;
			this.header = header;
			this.chunks = chunks;
			this.buffers = buffers;
			this.threads = threads;
		}

		/**
		 * The first row of each chunk, and the row count last, from the index cells of each chunk's first row and
		 * of the last row; null unless they start at 0 and never decrease. Only the parse can confirm them: each
		 * chunk must hold as many rows as the next one's index says, the last one as many as the last index says.
		 */
		int[] firstRowsFromIndex() throws IOException {
			final int[] firstRow = new int[chunks.size() + 1];
			for (int c = 0; c < chunks.size(); c++) {
				final long index = firstIndex(chunks.get(c));
				if (index < 0 || index > Integer.MAX_VALUE || c == 0 && index != 0 || c > 0 && index < firstRow[c - 1])
					return null;
				firstRow[c] = (int) index;
			}
			final int last = chunks.size() - 1;
			if (last >= 0) {
				final long lastIndex = lastIndex();
				if (lastIndex < firstRow[last] || lastIndex >= Integer.MAX_VALUE) return null;
				firstRow[last + 1] = (int) lastIndex + 1;
			}
			// A row takes at least a comma and a digit per slice: more rows than that would not fit in the file.
			final long body = chunks.isEmpty() ? 0 : chunks.get(last)[1] - chunks.get(0)[0];
			return firstRow[last + 1] <= body / (2L * header.names.size()) ? firstRow : null;
		}

		/** The first row of each chunk, and the row count last, from counting every chunk's rows. */
		int[] countedFirstRows() throws IOException {
			final int[] rowsPerChunk = new int[chunks.size()];
			SliceParallel.forEachFile(chunks.size(), threads, Progress.NONE, c -> rowsPerChunk[c] = RowCounter.rows(load(
				channel, chunks.get(c), buffers), length(chunks.get(c))));
			final int[] firstRow = new int[chunks.size() + 1];
			for (int c = 0; c < chunks.size(); c++)
				firstRow[c + 1] = firstRow[c] + rowsPerChunk[c];
			return firstRow;
		}

		/**
		 * Parses every chunk into a new stack, chunk c's rows from {@code firstRow[c]}. Where the first rows came
		 * from the index ({@code numbered}), a chunk whose row count disagrees, or a total that fits no slice size,
		 * answers null: counting the rows will tell. As chunk 0 starts at row 0, rows that agree in every chunk
		 * are in the right place.
		 */
		ImagePlus parse(final int[] firstRow, final boolean numbered, final int width, final int height,
			final Progress progress) throws IOException
		{
			final int rows = firstRow[chunks.size()];
			final int[] size;
			try {
				size = sliceSize(csv, rows, width, height);
			}
			catch (final UserInputException e) {
				if (numbered) return null;
				throw e;
			}
			// Allocated on all cores: in a fresh JVM, zeroing the new stack's pages costs about as much as parsing.
			final short[][] slices = new short[header.names.size()][];
			SliceParallel.forEach(slices.length, threads, Progress.NONE, s -> slices[s] = new short[rows]);
			final AtomicBoolean misnumbered = new AtomicBoolean();
			SliceParallel.forEachFile(chunks.size(), threads, progress, c -> {
				if (misnumbered.get()) return;
				final int parsed = new RowParser(csv, header, slices).parse(load(channel, chunks.get(c),
					buffers), length(chunks.get(c)), firstRow[c]);
				if (parsed == firstRow[c + 1] - firstRow[c]) return;
				if (numbered) misnumbered.set(true);
				else throw new IllegalStateException("Chunk " + c + " of " + csv + " parsed " + parsed +
					" rows but counted " + (firstRow[c + 1] - firstRow[c]));
			});
			return misnumbered.get() ? null : stack(csv, header.names, slices, size[0], size[1]);
		}

		/**
		 * The index of the body's last non-blank line, or -1 where it holds no row number or is too long to find
		 * its start in the file's last {@code TAIL_BYTES}.
		 */
		private long lastIndex() throws IOException {
			final long start = chunks.get(0)[0];
			final long end = chunks.get(chunks.size() - 1)[1];
			final ByteBuffer tail = ByteBuffer.allocate((int) Math.min(TAIL_BYTES, end - start));
			final long from = end - tail.capacity();
			while (tail.hasRemaining())
				if (channel.read(tail, from + tail.position()) < 0) throw new IOException("File shrank while reading");
			final byte[] bytes = tail.array();
			int lineEnd = bytes.length;
			while (lineEnd > 0 && blank(bytes[lineEnd - 1]))
				lineEnd--;
			int lineStart = lineEnd;
			while (lineStart > 0 && bytes[lineStart - 1] != '\n')
				lineStart--;
			if (lineEnd == 0 || lineStart == 0 && from > start) return -1;
			while (bytes[lineStart] == ' ' || bytes[lineStart] == '\r')
				lineStart++;
			return RowParser.rowIndex(bytes, lineStart, lineEnd);
		}

		/** The index of the first non-blank line of a chunk, or -1 where it holds no row number. */
		private long firstIndex(final long[] range) throws IOException {
			final ByteBuffer start = ByteBuffer.allocate((int) Math.min(4096, length(range)));
			while (start.hasRemaining())
				if (channel.read(start, range[0] + start.position()) < 0) throw new IOException("File shrank while reading");
			final byte[] bytes = start.array();
			int p = 0;
			while (p < bytes.length && blank(bytes[p]))
				p++;
			return RowParser.rowIndex(bytes, p, bytes.length);
		}
	}

	/** Bytes of a blank line, which the parse skips. */
	private static boolean blank(final byte b) {
		return b == ' ' || b == '\r' || b == '\n';
	}

	private static ImagePlus stack(final File csv, final List<String> names, final short[][] slices, final int width,
		final int height)
	{
		final ImageStack stack = new ImageStack(width, height);
		for (int s = 0; s < slices.length; s++)
			stack.addSlice(names.get(s), slices[s]);
		final String title = csv.getName().replaceFirst("(?i)\\.csv$", "");
		final ImagePlus image = new ImagePlus(title, stack);
		SourceFiles.remember(image, csv);
		return image;
	}

	static int[] sliceSize(final File csv, final int rows, final int width, final int height) {
		if (width > 0 || height > 0) {
			if ((long) width * height != rows) throw new UserInputException(csv + " has " + rows +
				" pixel rows, but width x height is " + width + " x " + height + " = " + (long) width * height);
			return new int[] { width, height };
		}
		final int side = (int) Math.round(Math.sqrt(rows));
		if (rows == 0 || (long) side * side != rows) throw new UserInputException(csv + " has " + rows +
			" pixel rows, which is not the area of a square slice; give width= and height=");
		return new int[] { side, side };
	}

	private static int length(final long[] range) {
		return (int) (range[1] - range[0]);
	}

	/**
	 * The bytes of a chunk, at the start of a per-thread buffer. Chunks are read twice (to count rows, then to
	 * parse) rather than held, so memory stays at a chunk per thread whatever the file size.
	 */
	private static byte[] load(final FileChannel channel, final long[] range, final ThreadLocal<byte[]> buffers)
		throws IOException
	{
		final int length = length(range);
		byte[] buffer = buffers.get();
		if (buffer.length < length) buffers.set(buffer = new byte[length]);
		for (int done = 0; done < length;) {
			final int n = channel.read(ByteBuffer.wrap(buffer, done, Math.min(READ_BYTES, length - done)), range[0] +
				done);
			if (n < 0) throw new IOException("File shrank while reading");
			done += n;
		}
		return buffer;
	}

	/** Byte ranges of the body, each starting at a line start and ending after a newline (or at the end). */
	private static List<long[]> chunks(final FileChannel channel, final long start, final int threads)
		throws IOException
	{
		final long size = channel.size();
		final long target = Math.max(1 << 16, Math.min(CHUNK_BYTES, (size - start) / (threads * 4L) + 1));
		final List<long[]> chunks = new ArrayList<>();
		long from = start;
		while (from < size) {
			long to = Math.min(size, from + target);
			if (to < size) to = nextLineStart(channel, to);
			chunks.add(new long[] { from, to });
			from = to;
		}
		return chunks;
	}

	private static long nextLineStart(final FileChannel channel, long position) throws IOException {
		final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
		while (true) {
			buffer.clear();
			final int n = channel.read(buffer, position);
			if (n <= 0) return channel.size();
			for (int i = 0; i < n; i++)
				if (buffer.get(i) == '\n') return position + i + 1;
			position += n;
		}
	}

	/** The header row: the slice names after the index column's name, and where the body starts. */
	static final class Header {

		final List<String> names;
		final long end;

		private Header(final List<String> names, final long end) {
			this.names = names;
			this.end = end;
		}

		static Header read(final FileChannel channel, final File csv) throws IOException {
			final ByteArrayOutputStream line = new ByteArrayOutputStream();
			final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
			long position = 0;
			while (true) {
				buffer.clear();
				final int n = channel.read(buffer, position);
				if (n <= 0) break;
				int newline = -1;
				for (int i = 0; i < n && newline < 0; i++)
					if (buffer.get(i) == '\n') newline = i;
				line.write(buffer.array(), 0, newline < 0 ? n : newline);
				position += newline < 0 ? n : newline + 1;
				if (newline >= 0) break;
			}
			final List<String> fields = CsvFields.split(line.toString(StandardCharsets.UTF_8.name()).trim());
			if (fields.size() < 2) throw new UserInputException(csv + " line 1: expected a header row with the pixel " +
				"index column and at least one slice column, found '" + line + "'");
			return new Header(fields.subList(1, fields.size()), position);
		}
	}
}
