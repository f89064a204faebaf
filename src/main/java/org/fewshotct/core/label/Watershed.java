package org.fewshotct.core.label;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.view.Views;

/**
 * Marker-controlled watershed on a 2D surface, flooding 4-connected from labelled markers in order of
 * increasing surface value, the way scikit-image's {@code watershed(image, markers, mask=, compactness=)} does:
 * a priority queue ordered by value and then by insertion age, so plateaus fill breadth-first. It follows
 * scikit-image 0.19 (Debian's, the challenge's reference) pixel for pixel: markers enter at their own value
 * and a pixel's priority is its own value, not the highest value on its path.
 * <p>
 * With compactness c > 0 (the compact watershed of Peer Neubert and Peter Protzel), a pixel's priority is its
 * value plus c times its Euclidean distance to the marker pixel its flood started from, and a pixel takes its
 * label when it leaves the queue rather than when it enters, since a later entry may be cheaper.
 * </p>
 */
public final class Watershed {

	private Watershed() {}

	/**
	 * Floods {@code surface} from {@code markers} (0 = unlabelled, > 0 = seed label) within {@code mask}
	 * ({@code null}: everywhere). Returns the labels, 0 outside the mask and where no marker's flood reaches.
	 */
	public static int[] flood(final float[] surface, final int[] markers, final boolean[] mask, final int width,
		final int height, final double compactness)
	{
		final int n = width * height;
		if (surface.length != n || markers.length != n || mask != null && mask.length != n)
			throw new IllegalArgumentException("surface, markers and mask must hold " + width + "x" + height + " pixels");
		if (compactness < 0) throw new IllegalArgumentException("compactness must be >= 0, got " + compactness);
		final int[] labels = new int[n];
		final FloodQueue queue = new FloodQueue(n);
		for (int i = 0; i < n; i++) {
			if (markers[i] > 0 && (mask == null || mask[i])) {
				labels[i] = markers[i];
				queue.push(surface[i], 0, i, i);
			}
		}
		final boolean compact = compactness > 0;
		final Connectivity four = Connectivity.FOUR;
		int age = 1;
		while (!queue.isEmpty()) {
			queue.pop();
			final int i = queue.pixel();
			final int source = queue.source();
			if (compact) {
				if (labels[i] != 0 && i != source) continue; // reached earlier along a cheaper path
				labels[i] = labels[source];
			}
			final int x = i % width;
			final int y = i / width;
			for (int k = 0; k < four.count(); k++) {
				final int nx = x + four.dx(k);
				final int ny = y + four.dy(k);
				if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
				final int j = ny * width + nx;
				if (labels[j] != 0 || mask != null && !mask[j]) continue;
				double priority = surface[j];
				if (compact) priority += compactness * distance(j, source, width);
				else labels[j] = labels[i];
				queue.push(priority, ++age, j, source);
			}
		}
		return labels;
	}

	/** The same on ImgLib2 images; returns a new label image. */
	public static <S extends RealType<S>, M extends RealType<M>> ArrayImg<IntType, IntArray> flood(
		final RandomAccessibleInterval<S> surface, final RandomAccessibleInterval<M> markers,
		final boolean[] mask, final double compactness)
	{
		final int width = (int) surface.dimension(0);
		final int height = (int) surface.dimension(1);
		final float[] values = new float[width * height];
		int i = 0;
		for (final S s : Views.flatIterable(surface))
			values[i++] = s.getRealFloat();
		final int[] seeds = new int[values.length];
		i = 0;
		for (final M m : Views.flatIterable(markers))
			seeds[i++] = (int) m.getRealDouble();
		return ArrayImgs.ints(flood(values, seeds, mask, width, height, compactness), width, height);
	}

	private static double distance(final int a, final int b, final int width) {
		final double dx = a % width - b % width;
		final double dy = a / width - b / width;
		return Math.sqrt(dx * dx + dy * dy);
	}
}
