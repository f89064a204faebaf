package org.fewshotct.core.label;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.view.Views;

/**
 * Marker-controlled watershed on a 2D surface, flooding 4-connected from labelled markers in order of
 * increasing surface value, the way scikit-image 0.19's {@code watershed(image, markers, mask=, compactness=)}
 * does (Debian's, the challenge's reference): a priority queue ordered by value and then by insertion age, so
 * plateaus fill breadth-first; markers enter at their own value, neighbours are visited up, left, right,
 * down, and a pixel's priority is its own value, not the highest value on its path.
 * <p>
 * With compactness c > 0 (the compact watershed of Peer Neubert and Peter Protzel), a pixel's priority is its
 * value plus c times its Euclidean distance to the marker pixel its flood started from, and a pixel takes its
 * label when it leaves the queue rather than when it enters, since a later entry may be cheaper.
 * </p>
 * <p>
 * One deliberate difference: scikit-image gives every marker pixel age 0, so among marker pixels of equal
 * value its binary heap's layout decides who floods first. Here marker pixels take ages in raster order, which
 * makes the order total: then marker pixels that can flood nothing (all neighbours labelled or masked) can
 * stay out of the queue without changing anything, three times faster on CT slices, where most pixels are
 * markers. Labels differ from scikit-image's only where such a tie decides, a few pixels per 512x512 slice.
 * </p>
 */
public final class Watershed {

	/** Offsets from a flood's seed pixel are packed as two 16-bit halves. */
	private static final int MAX_SIDE = Short.MAX_VALUE;

	/** The working label of pixels the flood cannot enter: outside the mask or on the frame. */
	private static final int CLOSED = -1;

	private Watershed() {}

	/**
	 * Floods {@code surface} from {@code markers} (0 = unlabelled, > 0 = seed label) within {@code mask}
	 * ({@code null}: everywhere). Returns the labels, 0 outside the mask and where no marker's flood reaches.
	 */
	public static int[] flood(final float[] surface, final int[] markers, final boolean[] mask, final int width,
		final int height, final double compactness)
	{
		final double[] values = new double[surface.length];
		for (int i = 0; i < values.length; i++)
			values[i] = surface[i];
		return flood(values, markers, mask, width, height, compactness);
	}

	/**
	 * As {@link #flood(float[], int[], boolean[], int, int, double)} on a double-precision surface, the
	 * precision scikit-image floods in: priorities that differ only beyond float precision keep their order.
	 */
	public static int[] flood(final double[] surface, final int[] markers, final boolean[] mask, final int width,
		final int height, final double compactness)
	{
		final int[] out = new int[width * height];
		flood(surface, markers, mask, width, height, compactness, out);
		return out;
	}

	/** As {@link #flood(double[], int[], boolean[], int, int, double)}, into {@code out}. */
	public static void flood(final double[] surface, final int[] markers, final boolean[] mask, final int width,
		final int height, final double compactness, final int[] out)
	{
		final int n = width * height;
		if (surface.length != n || markers.length != n || mask != null && mask.length != n || out.length != n)
			throw new IllegalArgumentException("surface, markers, mask and out must hold " + width + "x" + height +
				" pixels");
		if (!(compactness >= 0)) throw new IllegalArgumentException("compactness must be >= 0, got " + compactness);
		if (width > MAX_SIDE || height > MAX_SIDE)
			throw new IllegalArgumentException("The watershed takes images up to " + MAX_SIDE + " pixels a side");
		// A frame of closed pixels around the image spares every neighbour a bounds check.
		final int w = width + 2;
		final FloodWorkspace workspace = FloodWorkspace.forThisThread((height + 2) * w);
		final double[] value = workspace.value;
		final int[] labels = workspace.labels;
		Arrays.fill(labels, 0, w, CLOSED);
		Arrays.fill(labels, (height + 1) * w, (height + 2) * w, CLOSED);
		for (int y = 0; y < height; y++) {
			final int row = y * width;
			final int framed = (y + 1) * w + 1;
			System.arraycopy(surface, row, value, framed, width);
			labels[framed - 1] = CLOSED;
			labels[framed + width] = CLOSED;
			frameRow(markers, mask, row, labels, framed, width);
		}
		final double[] range = range(surface);
		// A priority adds at most compactness times the image's diagonal to a pixel's value.
		workspace.queue.clear(range[0], range[1] + compactness * Math.hypot(width, height));
		final FloodQueue queue = workspace.queue;
		final int seeds = pushSeeds(value, labels, width, height, queue);
		if (compactness > 0) floodCompact(value, labels, w, compactness, queue, seeds, workspace.cheapest());
		else floodPlain(value, labels, w, queue);
		for (int y = 0; y < height; y++)
			unframeRow(labels, (y + 1) * w + 1, out, y * width, width);
	}

	/** The lowest and highest value of the surface (NaN if it holds one). */
	private static double[] range(final double[] surface) {
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		for (final double v : surface) {
			low = Math.min(low, v);
			high = Math.max(high, v);
		}
		return new double[] { low, high };
	}

	/**
	 * One image row into the framed labels: the marker's label, 0 where the flood may go, {@link #CLOSED}
	 * outside the mask (markers there included).
	 */
	private static void frameRow(final int[] markers, final boolean[] mask, final int row, final int[] labels,
		final int framed, final int width)
	{
		for (int x = 0; x < width; x++) {
			final int marker = markers[row + x];
			labels[framed + x] = mask != null && !mask[row + x] ? CLOSED : marker > 0 ? marker : 0;
		}
	}

	/** One row of framed labels out, closed pixels as 0. */
	private static void unframeRow(final int[] labels, final int framed, final int[] out, final int row,
		final int width)
	{
		for (int x = 0; x < width; x++) {
			final int label = labels[framed + x];
			out[row + x] = label == CLOSED ? 0 : label;
		}
	}

	/**
	 * Queues the marker pixels in raster order (so equal values leave the queue in raster order), all but
	 * those whose every neighbour is already labelled or closed: they would flood nothing, and since the
	 * queue's order is total, leaving them out changes nothing else. Returns how many went in.
	 */
	private static int pushSeeds(final double[] value, final int[] labels, final int width, final int height,
		final FloodQueue queue)
	{
		final int w = width + 2;
		int seeds = 0;
		for (int y = 1; y <= height; y++) {
			for (int p = y * w + 1; p <= y * w + width; p++) {
				final int label = labels[p];
				if (label <= 0 || labels[p - w] != 0 && labels[p - 1] != 0 && labels[p + 1] != 0 && labels[p + w] != 0)
					continue;
				queue.push(value[p], p, label, 0);
				seeds++;
			}
		}
		return seeds;
	}

	/** Plain watershed: a pixel takes its label as it enters the queue. */
	private static void floodPlain(final double[] value, final int[] labels, final int w, final FloodQueue queue)
	{
		final int[] steps = { -w, -1, 1, w };
		while (queue.pop()) {
			final int i = queue.pixel();
			final int label = queue.label();
			for (final int step : steps) {
				final int j = i + step;
				if (labels[j] != 0) continue;
				labels[j] = label;
				queue.push(value[j], j, label, 0);
			}
		}
	}

	/**
	 * Compact watershed: priorities add the distance to the seed pixel, which each entry carries as its
	 * offset (dx, dy) from that seed; a pixel takes its label as it leaves the queue, the cheapest of its
	 * entries winning. {@code cheapest} holds each pixel's cheapest queued priority so far.
	 */
	private static void floodCompact(final double[] value, final int[] labels, final int w,
		final double compactness, final FloodQueue queue, final int seeds, final double[] cheapest)
	{
		final int[] steps = { -w, -1, 1, w };
		final int[] stepX = { 0, -1, 1, 0 };
		final int[] stepY = { -1, 0, 0, 1 };
		while (queue.pop()) {
			final int i = queue.pixel();
			final int label = queue.label();
			if (queue.age() > seeds) {
				if (labels[i] != 0) continue; // reached earlier along a cheaper path
				labels[i] = label;
			}
			final int offset = queue.offset();
			final int dx = (short) offset;
			final int dy = offset >> 16;
			for (int k = 0; k < 4; k++) {
				final int j = i + steps[k];
				if (labels[j] != 0) continue;
				final int nx = dx + stepX[k];
				final int ny = dy + stepY[k];
				final double priority = value[j] + compactness * Math.sqrt(ny * ny + nx * nx);
				// An entry no cheaper than one already queued for j would leave the queue after it, to find j
				// labelled: skip it.
				if (priority >= cheapest[j]) continue;
				cheapest[j] = priority;
				queue.push(priority, j, label, ny << 16 | nx & 0xffff);
			}
		}
	}

	/** The same on ImgLib2 images; returns a new label image. */
	public static <S extends RealType<S>, M extends RealType<M>> ArrayImg<IntType, IntArray> flood(
		final RandomAccessibleInterval<S> surface, final RandomAccessibleInterval<M> markers,
		final boolean[] mask, final double compactness)
	{
		final int width = (int) surface.dimension(0);
		final int height = (int) surface.dimension(1);
		final double[] values = new double[width * height];
		int i = 0;
		for (final S s : Views.flatIterable(surface))
			values[i++] = s.getRealDouble();
		final int[] seeds = new int[values.length];
		i = 0;
		for (final M m : Views.flatIterable(markers))
			seeds[i++] = (int) m.getRealDouble();
		return ArrayImgs.ints(flood(values, seeds, mask, width, height, compactness), width, height);
	}
}
