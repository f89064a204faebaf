package org.fewshotct.core.filter;

import net.imglib2.Cursor;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * 2D ImgLib2 images as the row-major arrays the hot loops run on: the array behind an {@link ArrayImg} as it
 * is (no copy), anything else copied in raster order.
 */
public final class Planes {

	private Planes() {}

	public static int width(final Interval image) {
		requirePlane(image);
		return (int) image.dimension(0);
	}

	public static int height(final Interval image) {
		requirePlane(image);
		return (int) image.dimension(1);
	}

	/** The pixels of an 8-bit plane, row by row; the backing array itself for an {@link ArrayImg}. */
	public static byte[] bytes(final RandomAccessibleInterval<UnsignedByteType> image) {
		requirePlane(image);
		if (image instanceof ArrayImg) {
			final Object access = ((ArrayImg<?, ?>) image).update(null);
			if (access instanceof ByteArray) return ((ByteArray) access).getCurrentStorageArray();
		}
		final byte[] pixels = new byte[(int) (image.dimension(0) * image.dimension(1))];
		final Cursor<UnsignedByteType> cursor = Views.flatIterable(image).cursor();
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = cursor.next().getByte();
		return pixels;
	}

	/**
	 * The pixels of a float plane, row by row, as a new array the caller may overwrite (filters that work in
	 * place need their own copy even of an {@link ArrayImg}).
	 */
	public static float[] copy(final RandomAccessibleInterval<FloatType> image) {
		requirePlane(image);
		if (image instanceof ArrayImg) {
			final Object access = ((ArrayImg<?, ?>) image).update(null);
			if (access instanceof FloatArray) return ((FloatArray) access).getCurrentStorageArray().clone();
		}
		final float[] pixels = new float[(int) (image.dimension(0) * image.dimension(1))];
		final Cursor<FloatType> cursor = Views.flatIterable(image).cursor();
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = cursor.next().get();
		return pixels;
	}

	private static void requirePlane(final Interval image) {
		if (image.numDimensions() != 2)
			throw new IllegalArgumentException("Expected a 2D image, got " + image.numDimensions() + " dimensions");
		if (image.dimension(0) * image.dimension(1) > Integer.MAX_VALUE)
			throw new IllegalArgumentException("Image too large for one plane: " + image.dimension(0) + "x" +
				image.dimension(1));
	}
}
