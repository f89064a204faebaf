package org.fewshotct.core.filter;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Rank filters of 8-bit images over a {@link Disk}, as scikit-image's {@code filters.rank} computes them:
 * pixels outside the image are not counted, so near the border the window holds fewer pixels. The median of
 * an even count is the upper of the two middle values (the smallest value whose cumulative count exceeds
 * half the window, scikit-image's rule).
 * <p>
 * The median over a small disk (radius up to 3) runs a selection network over whole rows
 * ({@link MedianNetwork}). Over a larger one it slides a histogram along each row, updated at the two ends
 * of every row span of the disk: O(radius) work per pixel whatever the disk's area. Minimum, maximum and gradient combine the row spans'
 * own extremes ({@link SpanExtrema}), which is cheaper still.
 * </p>
 */
public final class RankFilters {

	private static final int MEDIAN = 0;
	private static final int MINIMUM = 1;
	private static final int MAXIMUM = 2;
	private static final int GRADIENT = 3;

	private RankFilters() {}

	/** The median over the disk of the given radius, into {@code out} (width * height pixels). */
	public static void median(final byte[] image, final int width, final int height, final int radius,
		final byte[] out)
	{
		filter(image, width, height, new Disk(radius), MEDIAN, out);
	}

	/** The local minimum over the disk (grey erosion). */
	public static void minimum(final byte[] image, final int width, final int height, final int radius,
		final byte[] out)
	{
		filter(image, width, height, new Disk(radius), MINIMUM, out);
	}

	/** The local maximum over the disk (grey dilation). */
	public static void maximum(final byte[] image, final int width, final int height, final int radius,
		final byte[] out)
	{
		filter(image, width, height, new Disk(radius), MAXIMUM, out);
	}

	/** The morphological gradient: local maximum minus local minimum over the disk. */
	public static void gradient(final byte[] image, final int width, final int height, final int radius,
		final byte[] out)
	{
		filter(image, width, height, new Disk(radius), GRADIENT, out);
	}

	public static ArrayImg<UnsignedByteType, ByteArray> median(final RandomAccessibleInterval<UnsignedByteType> image,
		final int radius)
	{
		return filter(image, radius, MEDIAN);
	}

	public static ArrayImg<UnsignedByteType, ByteArray> minimum(final RandomAccessibleInterval<UnsignedByteType> image,
		final int radius)
	{
		return filter(image, radius, MINIMUM);
	}

	public static ArrayImg<UnsignedByteType, ByteArray> maximum(final RandomAccessibleInterval<UnsignedByteType> image,
		final int radius)
	{
		return filter(image, radius, MAXIMUM);
	}

	public static ArrayImg<UnsignedByteType, ByteArray> gradient(final RandomAccessibleInterval<UnsignedByteType> image,
		final int radius)
	{
		return filter(image, radius, GRADIENT);
	}

	private static ArrayImg<UnsignedByteType, ByteArray> filter(final RandomAccessibleInterval<UnsignedByteType> image,
		final int radius, final int statistic)
	{
		final int width = Planes.width(image);
		final int height = Planes.height(image);
		final byte[] out = new byte[width * height];
		filter(Planes.bytes(image), width, height, new Disk(radius), statistic, out);
		return ArrayImgs.unsignedBytes(out, width, height);
	}

	private static void filter(final byte[] image, final int width, final int height, final Disk disk,
		final int statistic, final byte[] out)
	{
		if (image.length != width * height || out.length != image.length)
			throw new IllegalArgumentException("Expected " + width + "x" + height + " pixels in and out, got " +
				image.length + " and " + out.length);
		if (image == out) throw new IllegalArgumentException("Rank filters cannot work in place");
		switch (statistic) {
			case MEDIAN:
				final MedianNetwork network = MedianNetwork.forDisk(disk);
				if (network != null) network.filter(image, width, height, out);
				else median(image, width, height, disk, out);
				break;
			case MINIMUM:
				SpanExtrema.filter(image, width, height, disk, SpanExtrema.MINIMUM, out);
				break;
			case MAXIMUM:
				SpanExtrema.filter(image, width, height, disk, SpanExtrema.MAXIMUM, out);
				break;
			default:
				SpanExtrema.filter(image, width, height, disk, SpanExtrema.GRADIENT, out);
		}
	}

	private static void median(final byte[] image, final int width, final int height, final Disk disk,
		final byte[] out)
	{
		final int r = disk.radius();
		final SlidingHistogram histogram = new SlidingHistogram();
		final int[] rowStarts = new int[2 * r + 1];
		final int[] halves = new int[2 * r + 1];
		// Columns where every span of the disk lies inside the image need no bounds checks.
		final int innerStart = Math.min(r + 1, width);
		final int innerEnd = Math.max(innerStart, width - r);
		for (int y = 0; y < height; y++) {
			// The disk's rows that fall inside the image.
			int rows = 0;
			for (int dy = Math.max(-r, -y); dy <= Math.min(r, height - 1 - y); dy++) {
				rowStarts[rows] = (y + dy) * width;
				halves[rows++] = disk.halfWidth(dy);
			}
			histogram.clear();
			for (int k = 0; k < rows; k++)
				for (int x = 0; x <= Math.min(halves[k], width - 1); x++)
					histogram.add(image[rowStarts[k] + x] & 0xff);
			final int outRow = y * width;
			out[outRow] = (byte) histogram.median();
			for (int x = 1; x < innerStart; x++) {
				slideChecked(image, width, histogram, rowStarts, halves, rows, x);
				out[outRow + x] = (byte) histogram.median();
			}
			for (int x = innerStart; x < innerEnd; x++) {
				for (int k = 0; k < rows; k++) {
					final int row = rowStarts[k];
					final int leaving = image[row + x - 1 - halves[k]] & 0xff;
					final int entering = image[row + x + halves[k]] & 0xff;
					// Flat regions (air, padding) swap a value for itself: nothing to update.
					if (leaving != entering) {
						histogram.remove(leaving);
						histogram.add(entering);
					}
				}
				out[outRow + x] = (byte) histogram.median();
			}
			for (int x = innerEnd; x < width; x++) {
				slideChecked(image, width, histogram, rowStarts, halves, rows, x);
				out[outRow + x] = (byte) histogram.median();
			}
		}
	}

	/** Moves the window from column x - 1 to x, skipping pixels outside the image. */
	private static void slideChecked(final byte[] image, final int width, final SlidingHistogram histogram,
		final int[] rowStarts, final int[] halves, final int rows, final int x)
	{
		for (int k = 0; k < rows; k++) {
			final int leaving = x - 1 - halves[k];
			if (leaving >= 0) histogram.remove(image[rowStarts[k] + leaving] & 0xff);
			final int entering = x + halves[k];
			if (entering < width) histogram.add(image[rowStarts[k] + entering] & 0xff);
		}
	}
}
