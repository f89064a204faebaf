package org.fewshotct.core.unet;

import java.util.List;
import java.util.Random;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.instances.InstanceTargets;

/**
 * Training and validation batches from labelled slices: square tiles with their class targets
 * ({@link InstanceTargets}) and pixel weights: the weight of the pixel's class, 0 beyond the slice edges so
 * that padding teaches nothing.
 * Every random choice of a training batch comes from the batch's own seed, so a resumed training draws
 * exactly the batches an uninterrupted one would have.
 */
final class TileSampler {

	/** One batch of tiles, row-major, tile after tile. */
	static final class Batch {

		final int size;
		final int tile;
		final float[] images;
		final byte[] classes;
		final float[] weights;
		private final int[] labels;

		Batch(final int size, final int tile) {
			this.size = size;
			this.tile = tile;
			images = new float[size * tile * tile];
			classes = new byte[size * tile * tile];
			weights = new float[size * tile * tile];
			labels = new int[size * tile * tile];
		}
	}

	private final List<LabelledSlice> slices;
	private final List<LabelledSlice> pseudo;
	private final IntensityWindow window;
	private final int tile;
	private final int boundaryWidth;
	private final boolean augment;
	private final float[] classWeights;

	/** {@code classWeights[c]} multiplies the loss of pixels of class c (see {@link InstanceTargets}). */
	TileSampler(final List<LabelledSlice> slices, final IntensityWindow window, final int tile,
		final int boundaryWidth, final boolean augment, final float[] classWeights)
	{
		this(slices, List.of(), window, tile, boundaryWidth, augment, classWeights);
	}

	/**
	 * As above; every second tile of the training comes from the {@code pseudo}-labelled slices when there are
	 * any (counted across batches, so a batch of one alternates).
	 */
	TileSampler(final List<LabelledSlice> slices, final List<LabelledSlice> pseudo, final IntensityWindow window,
		final int tile, final int boundaryWidth, final boolean augment, final float[] classWeights)
	{
		this.classWeights = classWeights.clone();
		this.slices = slices;
		this.pseudo = pseudo;
		this.window = window;
		this.tile = tile;
		this.boundaryWidth = boundaryWidth;
		this.augment = augment;
	}

	/**
	 * Fills the batch with tiles at random places of random slices, augmented if asked, from {@code seed}; it is
	 * the training's {@code step}-th batch, which places its tiles among the training's.
	 */
	void sample(final long seed, final long step, final Batch batch) {
		final Random random = new Random(seed);
		for (int b = 0; b < batch.size; b++) {
			final boolean pseudoTile = (step * batch.size + b) % 2 == 1 && !pseudo.isEmpty();
			final List<LabelledSlice> from = pseudoTile ? pseudo : slices;
			final LabelledSlice slice = from.get(random.nextInt(from.size()));
			final double cx = centre(random, slice.width);
			final double cy = centre(random, slice.height);
			final Augmentation augmentation = augment ? Augmentation.draw(random) : Augmentation.NONE;
			augmentation.apply(slice, window, cx, cy, tile, random, batch.images, batch.labels, batch.weights, b * tile *
				tile);
			targets(batch, b);
		}
	}

	/** A tile centre such that the tile lies on the slice where the slice is large enough. */
	private double centre(final Random random, final int length) {
		return length <= tile ? length / 2.0 : tile / 2.0 + random.nextInt(length - tile + 1);
	}

	/** The number of tiles {@link #crop} cuts from a slice to cover it. */
	int cropCount(final LabelledSlice slice) {
		return ceilDiv(slice.width, tile) * ceilDiv(slice.height, tile);
	}

	/** Fills item {@code b} of the batch with the {@code index}-th tile of the grid that covers the slice. */
	void crop(final LabelledSlice slice, final int index, final Batch batch, final int b) {
		final int columns = ceilDiv(slice.width, tile);
		final double x0 = (index % columns) * tile;
		final double y0 = (index / columns) * tile;
		Augmentation.NONE.apply(slice, window, x0 + tile / 2.0, y0 + tile / 2.0, tile, null, batch.images,
			batch.labels, batch.weights, b * tile * tile);
		targets(batch, b);
	}

	/** Clears item {@code b} (weight 0 everywhere), for a last batch that is not full. */
	static void clear(final Batch batch, final int b) {
		final int n = batch.tile * batch.tile;
		java.util.Arrays.fill(batch.images, b * n, (b + 1) * n, 0f);
		java.util.Arrays.fill(batch.classes, b * n, (b + 1) * n, (byte) 0);
		java.util.Arrays.fill(batch.weights, b * n, (b + 1) * n, 0f);
	}

	private void targets(final Batch batch, final int b) {
		final int n = tile * tile;
		final int[] labels = new int[n];
		System.arraycopy(batch.labels, b * n, labels, 0, n);
		System.arraycopy(InstanceTargets.classes(labels, tile, tile, boundaryWidth), 0, batch.classes, b * n, n);
		for (int i = b * n; i < (b + 1) * n; i++)
			batch.weights[i] *= classWeights[batch.classes[i]];
	}

	private static int ceilDiv(final int a, final int b) {
		return (a + b - 1) / b;
	}
}
