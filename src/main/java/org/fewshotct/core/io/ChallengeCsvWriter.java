package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.Progress;
import org.fewshotct.core.Stacks;

/**
 * Writes a label stack in the challenge CSV layout: one row per pixel (row-major), one column per slice, the
 * pixel index first, and a header row of slice names. pandas reads it back with
 * {@code pd.read_csv(p, index_col=0, header=0).T.values.reshape((-1, h, w))}.
 * <p>
 * Rows are formatted in blocks on all cores straight into bytes and written in order, which is what makes
 * a 500-slice stack (about 400 MB of text) take seconds instead of pandas' minutes.
 * </p>
 */
public final class ChallengeCsvWriter {

	/** Small blocks: the formatting method is called often enough to be compiled early in a one-off export. */
	private static final int ROWS_PER_BLOCK = 256;
	/** Widest row text per slice: a comma and up to five digits. */
	private static final int CELL_BYTES = 6;

	private ChallengeCsvWriter() {}

	/** Writes the stack to {@code csv} through a temporary file. */
	public static void write(final ImagePlus labels, final File csv, final int threads, final Progress progress)
		throws IOException
	{
		Stacks.requireLabels(labels, "label image");
		// Slice by slice, not the stack's own array: a virtual stack reads its slices on request.
		final ImageStack stack = labels.getStack();
		final Object[] slices = new Object[stack.getSize()];
		for (int s = 0; s < slices.length; s++)
			slices[s] = stack.getPixels(s + 1);
		final BlockFormatter formatter = new BlockFormatter(slices);
		final String header = header(stack);
		AtomicOutput.write(csv, path -> write(formatter, header, path, threads, progress));
	}

	private static void write(final BlockFormatter formatter, final String header, final Path path,
		final int threads, final Progress progress) throws IOException
	{
		final int pixels = formatter.rows();
		final int blocks = (pixels + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
		final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		// A bounded window of blocks in flight, formatting at most 4 per thread ahead of the writer; their
		// buffers go back to a free list, as 277 MB of short-lived buffers would keep the collector busy.
		final int window = Math.max(2, threads * 4);
		final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(window);
		for (int b = 0; b < window; b++)
			free.add(new byte[formatter.bufferSize(ROWS_PER_BLOCK)]);
		try (OutputStream out = Files.newOutputStream(path)) {
			out.write(header.getBytes(StandardCharsets.UTF_8));
			final List<Future<Block>> pending = new ArrayList<>();
			int submitted = 0;
			for (int b = 0; b < blocks; b++) {
				while (submitted < blocks && submitted < b + window) {
					final int from = submitted++ * ROWS_PER_BLOCK;
					final byte[] buffer = free.take();
					pending.add(pool.submit(() -> new Block(buffer, formatter.format(from, Math.min(pixels, from +
						ROWS_PER_BLOCK), buffer))));
				}
				if (progress.isCancelled()) throw new CancelledException();
				final Block block = pending.set(b, null).get();
				out.write(block.bytes, 0, block.length);
				free.add(block.bytes);
				progress.report(b + 1, blocks);
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		}
		catch (final ExecutionException e) {
			// An OutOfMemoryError stays itself, so the front end can say how to give Java more memory.
			if (e.getCause() instanceof Error) throw (Error) e.getCause();
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw new IOException("Formatting the CSV failed: " + e.getCause(), e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** A formatted block: its text is the first {@code length} bytes. */
	private static final class Block {

		final byte[] bytes;
		final int length;

		Block(final byte[] bytes, final int length) {
			this.bytes = bytes;
			this.length = length;
		}
	}

	/**
	 * Formats rows of the CSV body from the slices' pixel arrays (8-bit or 16-bit, read as unsigned, never
	 * copied). Each call gathers a tile of rows from every slice first: reading the slices column-wise row by
	 * row would touch a different array for every cell.
	 */
	static final class BlockFormatter {

		/**
		 * Rows per tile: a block's worth. Reading the slices is what costs, a run from each of hundreds of arrays
		 * far apart in memory; runs of 256 pixels took a sixth less time than runs of 64 (the tile still fits in
		 * a core's second-level cache).
		 */
		private static final int TILE = 256;
		private static final ThreadLocal<char[]> TILES = new ThreadLocal<>();

		private final Object[] slices;

		BlockFormatter(final Object[] slices) {
			this.slices = slices;
		}

		int rows() {
			return slices.length == 0 ? 0 : slices[0] instanceof byte[] ? ((byte[]) slices[0]).length
				: ((short[]) slices[0]).length;
		}

		/** Bytes enough for any {@code rows} rows: a 10-digit index, a newline and the widest cells. */
		int bufferSize(final int rows) {
			return rows * (11 + slices.length * CELL_BYTES);
		}

		/** Rows [from, to) as CSV text at the start of {@code buffer}; returns its length. */
		int format(final int from, final int to, final byte[] buffer) {
			final int columns = slices.length;
			char[] tile = TILES.get();
			if (tile == null || tile.length != TILE * columns) TILES.set(tile = new char[TILE * columns]);
			int p = 0;
			for (int row0 = from; row0 < to; row0 += TILE) {
				final int rows = Math.min(TILE, to - row0);
				gather(tile, row0, rows);
				for (int r = 0; r < rows; r++)
					p = formatRow(tile, r * columns, columns, row0 + r, buffer, p);
			}
			return p;
		}

		private void gather(final char[] tile, final int row0, final int rows) {
			final int columns = slices.length;
			for (int s = 0; s < columns; s++) {
				final Object slice = slices[s];
				if (slice instanceof byte[]) {
					final byte[] bytes = (byte[]) slice;
					for (int r = 0, t = s; r < rows; r++, t += columns)
						tile[t] = (char) (bytes[row0 + r] & 0xff);
				}
				else {
					final short[] shorts = (short[]) slice;
					for (int r = 0, t = s; r < rows; r++, t += columns)
						tile[t] = (char) shorts[row0 + r];
				}
			}
		}

		private static int formatRow(final char[] tile, final int from, final int columns, final int index,
			final byte[] buffer, int p)
		{
			p = appendInt(buffer, p, index);
			for (int t = from, end = from + columns; t < end; t++) {
				final int value = tile[t];
				buffer[p] = ',';
				// Most cells are background or one of a few labels: one digit.
				if (value < 10) {
					buffer[p + 1] = (byte) ('0' + value);
					p += 2;
				}
				else if (value < 100) {
					final int tens = value / 10;
					buffer[p + 1] = (byte) ('0' + tens);
					buffer[p + 2] = (byte) ('0' + value - 10 * tens);
					p += 3;
				}
				else p = appendInt(buffer, p + 1, value);
			}
			buffer[p] = '\n';
			return p + 1;
		}
	}

	/** Writes the decimal digits of a non-negative value from the most significant one; returns the end. */
	private static int appendInt(final byte[] buffer, final int p, int value) {
		int digits = 1;
		for (int v = value; v >= 10; v /= 10)
			digits++;
		final int end = p + digits;
		for (int q = end - 1; q >= p; q--) {
			buffer[q] = (byte) ('0' + value % 10);
			value /= 10;
		}
		return end;
	}

	/** The header: an empty index name, then one name per slice (its label, or its 0-based index). */
	static String header(final ImageStack stack) {
		final StringBuilder header = new StringBuilder();
		for (int s = 1; s <= stack.getSize(); s++) {
			final String label = Stacks.sliceName(stack, s);
			header.append(',').append(CsvFields.quote(label == null ? Integer.toString(s - 1) : label));
		}
		return header.append('\n').toString();
	}
}
