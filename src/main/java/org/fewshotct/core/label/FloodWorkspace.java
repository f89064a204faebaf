package org.fewshotct.core.label;

import java.lang.ref.SoftReference;
import java.util.Arrays;

/**
 * A thread's reusable buffers for {@link Watershed} (the framed surface and labels and the queue) and for
 * {@link ExtendedMaxima} (its reconstruction and plateaus, before the flood that its seeds start). A CT
 * stack floods hundreds of equal-sized slices; reusing megabytes per slice instead of allocating them keeps
 * the garbage collector out of the way. Held softly, so an idle thread's buffers can be reclaimed.
 */
final class FloodWorkspace {

	private static final ThreadLocal<SoftReference<FloodWorkspace>> CACHE = new ThreadLocal<>();

	double[] value = new double[0];
	int[] labels = new int[0];
	private double[] cheapest = new double[0];
	private int pixels;
	final FloodQueue queue = new FloodQueue(1024);

	/** This thread's workspace with room for {@code pixels}; the flood fills the buffers and clears the queue. */
	static FloodWorkspace forThisThread(final int pixels) {
		final SoftReference<FloodWorkspace> cached = CACHE.get();
		FloodWorkspace workspace = cached == null ? null : cached.get();
		if (workspace == null) {
			workspace = new FloodWorkspace();
			CACHE.set(new SoftReference<>(workspace));
		}
		workspace.prepare(pixels);
		return workspace;
	}

	/** Per pixel, the cheapest priority queued for it so far: all infinite at first. */
	double[] cheapest() {
		if (cheapest.length < value.length) cheapest = new double[value.length];
		Arrays.fill(cheapest, 0, pixels, Double.POSITIVE_INFINITY);
		return cheapest;
	}

	private void prepare(final int pixels) {
		this.pixels = pixels;
		if (value.length < pixels) {
			value = new double[pixels];
			labels = new int[pixels];
		}
	}
}
