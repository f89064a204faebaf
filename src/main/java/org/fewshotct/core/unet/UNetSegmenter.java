package org.fewshotct.core.unet;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.BodyMask;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.InstanceTargets;

/**
 * Segments CT stacks with a trained U-Net: tiles of every slice (see {@link Tiling}) go through the network
 * {@code batch} at a time, each slice's class maps are reassembled, and the shared
 * {@link InstanceDecoder} turns them into instance labels. Only the slices of the current batch are in
 * memory besides the output, whatever the stack size. Holds TensorFlow memory until {@link #close()}.
 */
public final class UNetSegmenter implements StackSegmenter, AutoCloseable {

	public static final String NAME = "unet";
	/** The largest tile side at inference; a 512x512 slice is one tile. */
	static final int MAX_TILE = 512;
	/** Pixels a tile drops at each cut edge, where it lacks context. */
	static final int MARGIN = 32;
	public static final int DEFAULT_BATCH = 2;

	/**
	 * Receives the class maps of one slice, {@code maps[class][pixel]}, and the slice's unit intensities (what
	 * the network saw); called in parallel for different slices.
	 */
	@FunctionalInterface
	interface MapsConsumer {

		void accept(int slice, float[][] maps, float[] unit);
	}

	private final UNetModel model;
	private final UNetNetwork network;
	private final int depth;
	private final int batch;
	private final int threads;

	private UNetSegmenter(final UNetModel model, final UNetNetwork network, final int depth, final int batch,
		final int threads)
	{
		this.model = model;
		this.network = network;
		this.depth = depth;
		this.batch = batch;
		this.threads = threads;
	}

	/** Loads a model folder; a missing, foreign or damaged model is a {@link UserInputException} naming it. */
	public static UNetSegmenter load(final File model) {
		return load(model, DEFAULT_BATCH, SliceParallel.defaultThreads());
	}

	/**
	 * As {@link #load(File)}, with {@code batch} tiles per network call and {@code threads} for decoding and the
	 * session's independent operations (the convolutions run on TensorFlow's one pool per JVM).
	 */
	public static UNetSegmenter load(final File folder, final int batch, final int threads) {
		if (batch < 1) throw new UserInputException("batch must be >= 1, got " + batch);
		final UNetModel model = UNetModel.read(folder);
		final UNetNetwork network;
		try {
			network = IsolatedTensorFlow.backend().load(model.savedModel(), threads);
		}
		catch (final IllegalArgumentException e) {
			throw new UserInputException("The U-Net model " + folder + " is damaged: TensorFlow cannot load its " +
				UNetModel.SAVED_MODEL + ": " + firstLine(e.getMessage()), e);
		}
		return new UNetSegmenter(model, MirroredNetwork.asSegmenting(network, model.settings()), model.settings()
			.depth(), batch, threads);
	}

	/** A segmenter-less view of a network in training, to compute class maps (it does not own the network). */
	static UNetSegmenter maps(final UNetNetwork network, final int depth, final int batch, final int threads) {
		return new UNetSegmenter(null, network, depth, batch, threads);
	}

	@Override
	public String name() {
		return NAME;
	}

	public UNetModel model() {
		return model;
	}

	/** Where the network runs, for the log. */
	public String device() {
		return network.device();
	}

	@Override
	public ImagePlus segment(final ImagePlus ct, final Progress progress) {
		Stacks.requireCt(ct, "CT");
		final IntensityWindow window = model.windowFor(ct);
		final int width = ct.getWidth();
		final int height = ct.getHeight();
		final ImageStack output = Stacks.emptyLike(ct, 16);
		final InstanceDecoder.Settings decoder = model.settings().decoder();
		final float air = BodyMask.airUnit(window, HounsfieldScale.of(ct));
		predict(ct.getStack(), window, progress, (slice, maps, unit) -> output.setPixels(Stacks.labelSlice(
			InstanceDecoder.decode(maps, width, height, decoder, BodyMask.of(unit, width, height, air)), width, height)
			.getPixels(), slice + 1));
		final ImagePlus labels = new ImagePlus(ct.getTitle() + "-" + NAME, output);
		labels.setCalibration(ct.getCalibration());
		return labels;
	}

	/**
	 * The class maps of every slice of {@code source} seen through {@code window}, handed to {@code consumer}
	 * as each slice is complete (in parallel for the slices completed by one network call).
	 */
	void predict(final ImageStack source, final IntensityWindow window, final Progress progress,
		final MapsConsumer consumer)
	{
		final int width = source.getWidth();
		final int height = source.getHeight();
		final int multiple = 1 << depth;
		final Tiling tiling = new Tiling(width, height, MAX_TILE / multiple * multiple, MARGIN, multiple);
		final int slices = source.getSize();
		final int tilesPerSlice = tiling.count();
		final int tilePixels = tiling.tileWidth * tiling.tileHeight;
		final int classes = InstanceTargets.CLASS_COUNT;
		final float[] images = new float[batch * tilePixels];
		final float[] probabilities = new float[batch * tilePixels * classes];
		final List<Integer> finished = new ArrayList<>();
		final List<float[][]> finishedMaps = new ArrayList<>();
		final List<float[]> finishedUnits = new ArrayList<>();
		float[] unit = null;
		final float[][] units = new float[batch][];
		float[][] maps = null;
		int done = 0;
		final long jobs = (long) slices * tilesPerSlice;
		for (long first = 0; first < jobs; first += batch) {
			progress.checkCancelled();
			final int count = (int) Math.min(batch, jobs - first);
			for (int b = 0; b < count; b++) {
				final long job = first + b;
				if (job % tilesPerSlice == 0) unit = window.toUnit(source.getProcessor((int) (job / tilesPerSlice) + 1));
				tiling.read(unit, (int) (job % tilesPerSlice), images, b * tilePixels);
				units[b] = unit;
			}
			network.predict(images, count, tiling.tileHeight, tiling.tileWidth, probabilities);
			for (int b = 0; b < count; b++) {
				final long job = first + b;
				if (job % tilesPerSlice == 0) maps = new float[classes][width * height];
				tiling.write(probabilities, b * tilePixels * classes, (int) (job % tilesPerSlice), maps);
				if (job % tilesPerSlice == tilesPerSlice - 1) {
					finished.add((int) (job / tilesPerSlice));
					finishedMaps.add(maps);
					finishedUnits.add(units[b]);
				}
			}
			SliceParallel.forEach(finished.size(), threads, Progress.NONE, k -> consumer.accept(finished.get(k),
				finishedMaps.get(k), finishedUnits.get(k)));
			done += finished.size();
			finished.clear();
			finishedMaps.clear();
			finishedUnits.clear();
			progress.report(done, slices);
		}
	}

	@Override
	public void close() {
		if (model != null) network.close();
	}

	private static String firstLine(final String message) {
		if (message == null) return "unknown reason";
		final int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}
}
