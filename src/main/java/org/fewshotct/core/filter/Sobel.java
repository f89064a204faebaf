package org.fewshotct.core.filter;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * The Sobel edge magnitude as scikit-image 0.19's {@code filters.sobel(image)} computes it, to the last bit:
 * 8-bit values scaled to [0, 1] (value * (1/255)), each axis convolved with [1, 0, -1] across and
 * [1, 2, 1]/4 along, borders mirrored (scipy's "reflect": the edge pixel repeats), and the magnitude
 * sqrt((gy^2 + gx^2) / 2) taken as sqrt(gy^2 + gx^2) / sqrt(2). The sums run in scipy's order, so values
 * are identical, not just close: the watershed breaks ties on exact equality.
 */
public final class Sobel {

	private static final double[] UNIT_8BIT = new double[256];
	private static final double SQRT_2 = Math.sqrt(2);

	static {
		final double scale = 1.0 / 255;
		for (int v = 0; v < 256; v++)
			UNIT_8BIT[v] = v * scale;
	}

	private Sobel() {}

	/**
	 * The edge magnitude of an 8-bit image (scaled to [0, 1] first), into {@code out}. Three scaled rows at a
	 * time, reused as the window moves down; each row's inner pixels in a loop of their own, without the
	 * border's mirroring, which the JIT vectorises.
	 */
	public static void magnitude(final byte[] image, final int width, final int height, final double[] out) {
		requireSize(image.length, width, height, out);
		final double[][] rows = new double[3][width];
		scaleRow(image, 0, width, rows[1]);
		for (int y = 0; y < height; y++) {
			// rows[(y + 1) % 3] holds row y.
			if (y + 1 < height) scaleRow(image, y + 1, width, rows[(y + 2) % 3]);
			final double[] up = rows[Math.max(y, 1) % 3];
			final double[] row = rows[(y + 1) % 3];
			final double[] down = rows[(Math.min(y + 1, height - 1) + 1) % 3];
			magnitudeInner(up, row, down, width, out, y * width);
			magnitudeAt(up, row, down, width, 0, out, y * width);
			if (width > 1) magnitudeAt(up, row, down, width, width - 1, out, y * width);
		}
	}

	private static void scaleRow(final byte[] image, final int y, final int width, final double[] to) {
		for (int x = 0; x < width; x++)
			to[x] = UNIT_8BIT[image[y * width + x] & 0xff];
	}

	/** Pixels 1 .. width - 2 of one output row, from the rows above, at and below it (whole rows). */
	private static void magnitudeInner(final double[] up, final double[] row, final double[] down, final int width,
		final double[] out, final int outRow)
	{
		// The same sums, in the same order, as magnitudeRow: the results are identical to the bit.
		for (int x = 1; x < width - 1; x++) {
			double gy = 0.0;
			gy += up[x - 1] * -0.25;
			gy += up[x] * -0.5;
			gy += up[x + 1] * -0.25;
			gy += down[x - 1] * 0.25;
			gy += down[x] * 0.5;
			gy += down[x + 1] * 0.25;
			double gx = 0.0;
			gx += up[x - 1] * -0.25;
			gx += up[x + 1] * 0.25;
			gx += row[x - 1] * -0.5;
			gx += row[x + 1] * 0.5;
			gx += down[x - 1] * -0.25;
			gx += down[x + 1] * 0.25;
			out[outRow + x] = Math.sqrt(gy * gy + gx * gx) / SQRT_2;
		}
	}

	/** One pixel at the left or right border, its missing neighbour mirrored. */
	private static void magnitudeAt(final double[] up, final double[] row, final double[] down, final int width,
		final int x, final double[] out, final int outRow)
	{
		final int left = x == 0 ? 0 : x - 1;
		final int right = x == width - 1 ? x : x + 1;
		double gy = 0.0;
		gy += up[left] * -0.25;
		gy += up[x] * -0.5;
		gy += up[right] * -0.25;
		gy += down[left] * 0.25;
		gy += down[x] * 0.5;
		gy += down[right] * 0.25;
		double gx = 0.0;
		gx += up[left] * -0.25;
		gx += up[right] * 0.25;
		gx += row[left] * -0.5;
		gx += row[right] * 0.5;
		gx += down[left] * -0.25;
		gx += down[right] * 0.25;
		out[outRow + x] = Math.sqrt(gy * gy + gx * gx) / SQRT_2;
	}

	/** The edge magnitude of an image taken as it is (no scaling), into {@code out}. */
	public static void magnitude(final double[] image, final int width, final int height, final double[] out) {
		requireSize(image.length, width, height, out);
		if (image == out) throw new IllegalArgumentException("Sobel cannot work in place");
		for (int y = 0; y < height; y++)
			magnitudeRow(image, Math.max(y - 1, 0) * width, y * width, Math.min(y + 1, height - 1) * width, width, out,
				y * width);
	}

	/** One output row from the rows above, at and below it (mirrored at the image border by the caller). */
	private static void magnitudeRow(final double[] image, final int up, final int row, final int down,
		final int width, final double[] out, final int outRow)
	{
		for (int x = 0; x < width; x++) {
			final int left = x == 0 ? 0 : x - 1;
			final int right = x == width - 1 ? x : x + 1;
			double gy = 0.0;
			gy += image[up + left] * -0.25;
			gy += image[up + x] * -0.5;
			gy += image[up + right] * -0.25;
			gy += image[down + left] * 0.25;
			gy += image[down + x] * 0.5;
			gy += image[down + right] * 0.25;
			double gx = 0.0;
			gx += image[up + left] * -0.25;
			gx += image[up + right] * 0.25;
			gx += image[row + left] * -0.5;
			gx += image[row + right] * 0.5;
			gx += image[down + left] * -0.25;
			gx += image[down + right] * 0.25;
			out[outRow + x] = Math.sqrt(gy * gy + gx * gx) / SQRT_2;
		}
	}

	/** The edge magnitude of an 8-bit image, as a new image. */
	public static ArrayImg<DoubleType, DoubleArray> magnitude(
		final RandomAccessibleInterval<UnsignedByteType> image)
	{
		final int width = Planes.width(image);
		final int height = Planes.height(image);
		final double[] out = new double[width * height];
		magnitude(Planes.bytes(image), width, height, out);
		return ArrayImgs.doubles(out, width, height);
	}

	private static void requireSize(final int pixels, final int width, final int height, final double[] out) {
		if (pixels != width * height || out.length != pixels)
			throw new IllegalArgumentException("Expected " + width + "x" + height + " pixels in and out, got " + pixels +
				" and " + out.length);
	}
}
