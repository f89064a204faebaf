package org.fewshotct.core.io;

import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Grayscale PNG slices (8 or 16 bits, not interlaced), the format of CT slices and label images, read and
 * written straight through zlib. ImageJ's PNG path goes through AWT rasters pixel by pixel and tries five row
 * filters when writing; this does neither and is several times faster: a 512x512 16-bit label slice is written
 * in about 10 ms. Any other PNG (colour, palette, alpha, interlaced, fewer bits) is left to ImageJ.
 */
public final class GrayPng {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private GrayPng() {}

	/**
	 * The slice in an 8 or 16-bit grayscale, non-interlaced PNG ({@link ByteProcessor} or
	 * {@link ShortProcessor}), or null if the file is a PNG of another kind or not a PNG at all.
	 */
	public static ImageProcessor read(final File file) throws IOException {
		try (DataInputStream in = new DataInputStream(new FileInputStream(file))) {
			final byte[] signature = new byte[8];
			if (in.read(signature) != 8 || !Arrays.equals(signature, SIGNATURE)) return null;
			int width = 0;
			int height = 0;
			int bitDepth = 0;
			final ByteArrayOutputStream compressed = new ByteArrayOutputStream();
			while (true) {
				final int length = in.readInt();
				final byte[] typeAndData = new byte[4 + length];
				in.readFully(typeAndData);
				final long crc = in.readInt() & 0xffffffffL;
				final String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
				if (crc(typeAndData) != crc) throw new IOException("Corrupt PNG " + file + ": bad checksum of " + type);
				if (type.equals("IHDR")) {
					final DataInputStream header = new DataInputStream(new java.io.ByteArrayInputStream(typeAndData, 4,
						length));
					width = header.readInt();
					height = header.readInt();
					bitDepth = header.readUnsignedByte();
					final int colourType = header.readUnsignedByte();
					header.readUnsignedByte(); // compression: always deflate
					header.readUnsignedByte(); // filter method: always adaptive
					final int interlace = header.readUnsignedByte();
					if (colourType != 0 || bitDepth != 8 && bitDepth != 16 || interlace != 0) return null;
				}
				else if (type.equals("IDAT")) compressed.write(typeAndData, 4, length);
				else if (type.equals("IEND")) break;
				else if (type.equals("PLTE") || type.equals("tRNS")) return null;
			}
			if (width <= 0 || height <= 0) throw new IOException("Corrupt PNG " + file + ": no image header");
			final int bytesPerPixel = bitDepth / 8;
			final byte[] rows = unfilter(inflate(compressed.toByteArray(), height * (1 + width * bytesPerPixel), file),
				width, height, bytesPerPixel, file);
			if (bitDepth == 8) return new ByteProcessor(width, height, rows);
			final short[] pixels = new short[width * height];
			for (int i = 0; i < pixels.length; i++)
				pixels[i] = (short) ((rows[2 * i] & 0xff) << 8 | rows[2 * i + 1] & 0xff);
			return new ShortProcessor(width, height, pixels, null);
		}
		catch (final EOFException e) {
			throw new IOException("Truncated PNG " + file, e);
		}
	}

	/**
	 * Writes an 8-bit or 16-bit slice as a grayscale PNG, rows unfiltered, at deflate's fastest level: on
	 * 16-bit label slices that takes a third of level 6's time for files about 1.8 times as large (some 8 KB
	 * for a 512x512 slice instead of 4.5 KB).
	 */
	public static void write(final ImageProcessor slice, final File file) throws IOException {
		final Object pixels = slice.getPixels();
		final int width = slice.getWidth();
		final int height = slice.getHeight();
		final int bytesPerPixel = pixels instanceof byte[] ? 1 : pixels instanceof short[] ? 2 : 0;
		if (bytesPerPixel == 0) throw new IllegalArgumentException("GrayPng writes 8 or 16-bit slices, not " + slice
			.getBitDepth() + "-bit");
		final int stride = 1 + width * bytesPerPixel;
		final byte[] rows = new byte[height * stride];
		for (int y = 0; y < height; y++) {
			final int row = y * stride + 1; // the row's filter byte stays 0: no filter
			if (bytesPerPixel == 1) System.arraycopy(pixels, y * width, rows, row, width);
			else packRow((short[]) pixels, y * width, rows, row, width);
		}
		final ByteArrayOutputStream header = new ByteArrayOutputStream();
		final DataOutputStream h = new DataOutputStream(header);
		h.writeInt(width);
		h.writeInt(height);
		h.write(new byte[] { (byte) (8 * bytesPerPixel), 0, 0, 0, 0 });
		try (OutputStream out = Files.newOutputStream(file.toPath())) {
			final DataOutputStream data = new DataOutputStream(out);
			data.write(SIGNATURE);
			chunk(data, "IHDR", header.toByteArray());
			chunk(data, "IDAT", deflate(rows));
			chunk(data, "IEND", new byte[0]);
			data.flush();
		}
	}

	/** 16-bit values, big-endian as PNG stores them. */
	private static void packRow(final short[] pixels, final int from, final byte[] rows, final int to,
		final int width)
	{
		for (int x = 0; x < width; x++) {
			final short v = pixels[from + x];
			rows[to + 2 * x] = (byte) (v >> 8);
			rows[to + 2 * x + 1] = (byte) v;
		}
	}

	private static void chunk(final DataOutputStream out, final String type, final byte[] data) throws IOException {
		final byte[] typeAndData = new byte[4 + data.length];
		System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
		System.arraycopy(data, 0, typeAndData, 4, data.length);
		out.writeInt(data.length);
		out.write(typeAndData);
		out.writeInt((int) crc(typeAndData));
	}

	private static long crc(final byte[] bytes) {
		final CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

	private static byte[] deflate(final byte[] raw) {
		final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try {
			deflater.setInput(raw);
			deflater.finish();
			final ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
			final byte[] buffer = new byte[65536];
			while (!deflater.finished())
				out.write(buffer, 0, deflater.deflate(buffer));
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static byte[] inflate(final byte[] compressed, final int size, final File file) throws IOException {
		final Inflater inflater = new Inflater();
		try {
			inflater.setInput(compressed);
			final byte[] raw = new byte[size];
			int n = 0;
			while (n < size && !inflater.finished()) {
				final int got = inflater.inflate(raw, n, size - n);
				if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
				n += got;
			}
			if (n < size) throw new IOException("Corrupt PNG " + file + ": image data ends early");
			return raw;
		}
		catch (final DataFormatException e) {
			throw new IOException("Corrupt PNG " + file + ": " + e.getMessage(), e);
		}
		finally {
			inflater.end();
		}
	}

	/**
	 * Undoes the per-row filters (none, sub, up, average, Paeth); returns the pixel bytes. Each filter's loop
	 * is a small method of its own, so the JIT compiles it within the first slice; the Paeth predictor, the
	 * filter most rows of CT slices use, is computed without branches.
	 */
	private static byte[] unfilter(final byte[] raw, final int width, final int height, final int bytesPerPixel,
		final File file) throws IOException
	{
		final int length = width * bytesPerPixel;
		final byte[] out = new byte[height * length];
		final byte[] zeros = new byte[length];
		for (int y = 0; y < height; y++) {
			final int from = y * (length + 1) + 1;
			final int to = y * length;
			// The row above, or zeros above the first row.
			final byte[] upper = y > 0 ? out : zeros;
			final int up = y > 0 ? to - length : 0;
			switch (raw[from - 1]) {
				case 0:
					System.arraycopy(raw, from, out, to, length);
					break;
				case 1:
					unfilterSub(raw, from, out, to, length, bytesPerPixel);
					break;
				case 2:
					unfilterUp(raw, from, out, to, upper, up, length);
					break;
				case 3:
					unfilterAverage(raw, from, out, to, upper, up, length, bytesPerPixel);
					break;
				case 4:
					unfilterPaeth(raw, from, out, to, upper, up, length, bytesPerPixel);
					break;
				default:
					throw new IOException("Corrupt PNG " + file + ": unknown row filter " + raw[from - 1]);
			}
		}
		return out;
	}

	private static void unfilterSub(final byte[] raw, final int from, final byte[] out, final int to,
		final int length, final int bpp)
	{
		System.arraycopy(raw, from, out, to, bpp);
		for (int i = bpp; i < length; i++)
			out[to + i] = (byte) (raw[from + i] + out[to + i - bpp]);
	}

	private static void unfilterUp(final byte[] raw, final int from, final byte[] out, final int to,
		final byte[] upper, final int up, final int length)
	{
		for (int i = 0; i < length; i++)
			out[to + i] = (byte) (raw[from + i] + upper[up + i]);
	}

	private static void unfilterAverage(final byte[] raw, final int from, final byte[] out, final int to,
		final byte[] upper, final int up, final int length, final int bpp)
	{
		for (int i = 0; i < length; i++) {
			final int left = i >= bpp ? out[to + i - bpp] & 0xff : 0;
			out[to + i] = (byte) (raw[from + i] + (left + (upper[up + i] & 0xff) >>> 1));
		}
	}

	private static void unfilterPaeth(final byte[] raw, final int from, final byte[] out, final int to,
		final byte[] upper, final int up, final int length, final int bpp)
	{
		// Left of the first pixel, left and upper left are 0: the predictor is the upper byte.
		for (int i = 0; i < Math.min(bpp, length); i++)
			out[to + i] = (byte) (raw[from + i] + upper[up + i]);
		if (bpp == 1) {
			unfilterPaeth8(raw, from, out, to, upper, up, length);
			return;
		}
		for (int i = bpp; i < length; i++)
			out[to + i] = (byte) (raw[from + i] + paeth(out[to + i - bpp] & 0xff, upper[up + i] & 0xff, upper[up + i -
				bpp] & 0xff));
	}

	/**
	 * Paeth for one byte per pixel, where each byte depends on the one just decoded: that one and its upper
	 * neighbour are carried in registers rather than read back from memory, which shortens the dependency
	 * chain that bounds this loop.
	 */
	private static void unfilterPaeth8(final byte[] raw, final int from, final byte[] out, final int to,
		final byte[] upper, final int up, final int length)
	{
		int a = out[to] & 0xff;
		int c = upper[up] & 0xff;
		for (int i = 1; i < length; i++) {
			final int b = upper[up + i] & 0xff;
			a = raw[from + i] + paeth(a, b, c) & 0xff;
			out[to + i] = (byte) a;
			c = b;
		}
	}

	/**
	 * The Paeth predictor of left a, upper b and upper left c: whichever is closest to a + b - c, ties to a,
	 * then b. Chosen by sign masks rather than branches, which the data would make unpredictable.
	 */
	static int paeth(final int a, final int b, final int c) {
		final int pa = Math.abs(b - c);
		final int pb = Math.abs(a - c);
		final int pc = Math.abs(a + b - 2 * c);
		// b if pb <= pc, else c; then a if pa <= min(pb, pc), else that.
		final int cOverB = pc - pb >> 31;
		final int bc = b ^ (b ^ c) & cOverB;
		final int nearest = pb + (pc - pb & cOverB);
		return a ^ (a ^ bc) & nearest - pa >> 31;
	}
}
