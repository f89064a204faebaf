package org.fewshotct.core.filter;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The filters work on row-major float arrays (an ImgLib2 {@code ArrayImg}'s storage); this copies any 2D
 * ImgLib2 image into one.
 */
public final class Planes {

	private Planes() {}

	/** The pixels of a 2D image in row-major order. */
	public static float[] copy(final RandomAccessibleInterval<FloatType> image) {
		if (image.numDimensions() != 2) throw new IllegalArgumentException("A 2D image is needed, not " + image
			.numDimensions() + "D");
		final float[] pixels = new float[(int) (image.dimension(0) * image.dimension(1))];
		final Cursor<FloatType> cursor = Views.flatIterable(image).cursor();
		for (int i = 0; cursor.hasNext(); i++)
			pixels[i] = cursor.next().get();
		return pixels;
	}
}
