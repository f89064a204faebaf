package org.fewshotct.core.baseline;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.fewshotct.core.filter.Planes;
import org.fewshotct.core.filter.RankFilters;
import org.fewshotct.core.filter.Sobel;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;
import org.fewshotct.core.label.Watershed;

/**
 * The challenge's classical baseline on one 8-bit slice, step for step as its scikit-image notebook does it:
 * <pre>
 * edges    = sobel(slice)
 * denoised = median(slice, disk(2))
 * markers  = label(gradient(denoised, disk(5)) &lt; 20)     # 4-connected components
 * labels   = watershed(edges, markers, compactness=0.0001)
 * </pre>
 * Every step matches scikit-image 0.19 exactly, so the labels are the same pixel for pixel.
 */
public final class SobelWatershed {

	private SobelWatershed() {}

	/** The instance labels of a row-major 8-bit slice (0 only where no marker exists at all). */
	public static int[] segment(final byte[] slice, final int width, final int height, final BaselineSettings settings) {
		if (slice.length != width * height)
			throw new IllegalArgumentException("Slice holds " + slice.length + " pixels, not " + width + "x" + height);
		final double[] edges = new double[slice.length];
		Sobel.magnitude(slice, width, height, edges);
		final byte[] denoised = new byte[slice.length];
		RankFilters.median(slice, width, height, settings.medianRadius(), denoised);
		final byte[] gradient = new byte[slice.length];
		RankFilters.gradient(denoised, width, height, settings.gradientRadius(), gradient);
		final boolean[] flat = new boolean[slice.length];
		final int threshold = settings.markerThreshold();
		for (int i = 0; i < flat.length; i++)
			flat[i] = (gradient[i] & 0xff) < threshold;
		final int[] markers = new int[slice.length];
		ConnectedComponents.label(flat, width, height, Connectivity.FOUR, markers);
		return Watershed.flood(edges, markers, null, width, height, settings.compactness());
	}

	/** The same on an ImgLib2 plane; returns a new label image. */
	public static ArrayImg<IntType, IntArray> segment(final RandomAccessibleInterval<UnsignedByteType> slice,
		final BaselineSettings settings)
	{
		final int width = Planes.width(slice);
		final int height = Planes.height(slice);
		return ArrayImgs.ints(segment(Planes.bytes(slice), width, height, settings), width, height);
	}
}
