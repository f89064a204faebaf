package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
	private static final int TILE = 32;

	private ChallengeCsvWriter() {}

	/** Writes the stack to {@code csv} through a temporary file. */
	public static void write(final ImagePlus labels, final File csv, final int threads, final Progress progress)
		throws IOException
	{
		final short[][] slices = labelSlices(labels);
		final String header = header(labels.getStack());
		AtomicOutput.write(csv, path -> write(slices, header, path, threads, progress));
	}

	private static void write(final short[][] slices, final String header, final Path path, final int threads,
		final Progress progress) throws IOException
	{
		final int pixels = slices.length == 0 ? 0 : slices[0].length;
		final int blocks = (pixels + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
		final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		try (OutputStream out = Files.newOutputStream(path)) {
			out.write(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			// Keep a bounded window of blocks in flight: formatting runs ahead of writing by at most 4 per thread.
			final int window = Math.max(2, threads * 4);
			final List<Future<java.nio.ByteBuffer>> pending = new ArrayList<>();
			int submitted = 0;
			for (int b = 0; b < blocks; b++) {
				while (submitted < blocks && submitted < b + window) {
					final int block = submitted++;
					pending.add(pool.submit(() -> formatBlock(slices, block * ROWS_PER_BLOCK,
						Math.min(pixels, (block + 1) * ROWS_PER_BLOCK))));
				}
				if (progress.isCancelled()) throw new CancelledException();
				final java.nio.ByteBuffer block = pending.get(b).get();
				out.write(block.array(), 0, block.limit());
				pending.set(b, null);
				progress.report(b + 1, blocks);
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		}
		catch (final ExecutionException e) {
			throw new IOException("Formatting the CSV failed: " + e.getCause(), e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Rows [from, to) as CSV text: index, then each slice's value. */
	static java.nio.ByteBuffer formatBlock(final short[][] slices, final int from, final int to) {
		final int columns = slices.length;
		final byte[] buffer = new byte[(to - from) * (11 + columns * 6)];
		// Gather TILE rows of every slice into a small row-major tile first: reading the slices column-wise
		// row by row would touch a different array for every cell.
		final short[] tile = new short[TILE * columns];
		int p = 0;
		for (int row0 = from; row0 < to; row0 += TILE) {
			final int rows = Math.min(TILE, to - row0);
			for (int s = 0; s < columns; s++) {
				final short[] slice = slices[s];
				for (int r = 0; r < rows; r++)
					tile[r * columns + s] = slice[row0 + r];
			}
			for (int r = 0; r < rows; r++) {
				p = appendInt(buffer, p, row0 + r);
				final int base = r * columns;
				for (int s = 0; s < columns; s++) {
					buffer[p++] = ',';
					p = appendInt(buffer, p, tile[base + s] & 0xffff);
				}
				buffer[p++] = '\n';
			}
		}
		return java.nio.ByteBuffer.wrap(buffer, 0, p);
	}

	private static int appendInt(final byte[] buffer, int p, int value) {
		if (value < 10) {
			buffer[p++] = (byte) ('0' + value);
			return p;
		}
		final int start = p;
		while (value > 0) {
			buffer[p++] = (byte) ('0' + value % 10);
			value /= 10;
		}
		for (int a = start, b = p - 1; a < b; a++, b--) {
			final byte t = buffer[a];
			buffer[a] = buffer[b];
			buffer[b] = t;
		}
		return p;
	}

	/** The header: an empty index name, then one name per slice (its label, or its 0-based index). */
	static String header(final ImageStack stack) {
		final StringBuilder header = new StringBuilder();
		for (int s = 1; s <= stack.getSize(); s++) {
			final String label = Stacks.sliceName(stack, s);
			header.append(',').append(csvField(label == null ? Integer.toString(s - 1) : label));
		}
		return header.append('\n').toString();
	}

	private static String csvField(final String name) {
		if (name.indexOf(',') < 0 && name.indexOf('"') < 0 && name.indexOf('\n') < 0) return name;
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	/** The label slices as unsigned 16-bit values (16-bit slices are used as they are, not copied). */
	static short[][] labelSlices(final ImagePlus labels) {
		Stacks.requireLabels(labels, "label image");
		final ImageStack stack = labels.getStack();
		final short[][] slices = new short[stack.getSize()][];
		for (int s = 0; s < slices.length; s++) {
			final Object pixels = stack.getPixels(s + 1);
			if (pixels instanceof short[]) slices[s] = (short[]) pixels;
			else {
				final byte[] bytes = (byte[]) pixels;
				slices[s] = new short[bytes.length];
				for (int i = 0; i < bytes.length; i++)
					slices[s][i] = (short) (bytes[i] & 0xff);
			}
		}
		return slices;
	}
}
