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
 * Sobel, median, gradient and the marker labels equal scikit-image 0.19's exactly; the watershed differs only
 * where it breaks exact ties between markers (see {@link Watershed}).
 * <p>
 * An instance keeps its intermediate images between slices of one size, so one instance per thread segments
 * a stack without allocating per slice; it is not thread-safe.
 * </p>
 */
public final class SobelWatershed {

	private final BaselineSettings settings;
	private double[] edges = new double[0];
	private byte[] denoised = new byte[0];
	private byte[] gradient = new byte[0];
	private boolean[] flat = new boolean[0];
	private int[] markers = new int[0];

	public SobelWatershed(final BaselineSettings settings) {
		this.settings = settings;
	}

	/**
	 * The instance labels 1..n of a row-major 8-bit slice into {@code labels} (0 only where no marker exists);
	 * returns n.
	 */
	public int segment(final byte[] slice, final int width, final int height, final int[] labels) {
		final int n = width * height;
		if (slice.length != n || labels.length != n)
			throw new IllegalArgumentException("Slice and labels must hold " + width + "x" + height + " pixels, not " +
				slice.length + " and " + labels.length);
		if (edges.length != n) {
			edges = new double[n];
			denoised = new byte[n];
			gradient = new byte[n];
			flat = new boolean[n];
			markers = new int[n];
		}
		Sobel.magnitude(slice, width, height, edges);
		RankFilters.median(slice, width, height, settings.medianRadius(), denoised);
		RankFilters.gradient(denoised, width, height, settings.gradientRadius(), gradient);
		below(gradient, settings.markerThreshold(), flat);
		final int count = ConnectedComponents.label(flat, width, height, Connectivity.FOUR, markers);
		Watershed.flood(edges, markers, null, width, height, settings.compactness(), labels);
		return count;
	}

	/** flat[i] = gradient[i] < threshold; a method of its own, so that it is compiled on its own and soon. */
	private static void below(final byte[] gradient, final int threshold, final boolean[] flat) {
		for (int i = 0; i < flat.length; i++)
			flat[i] = (gradient[i] & 0xff) < threshold;
	}

	/** The instance labels of a row-major 8-bit slice. */
	public static int[] segment(final byte[] slice, final int width, final int height, final BaselineSettings settings) {
		final int[] labels = new int[slice.length];
		new SobelWatershed(settings).segment(slice, width, height, labels);
		return labels;
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
