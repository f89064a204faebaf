package org.fewshotct.core.unet;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.fewshotct.core.instances.TissueLevels;

/**
 * Segments CT stacks with a trained U-Net: every slice, at each of the model's input scales
 * ({@link UNetSettings#scales()}), is cut into tiles (see {@link Tiling}) that go through the network
 * {@code batch} at a time; each scale's class maps are reassembled, resized back to the slice and averaged, and
 * the shared {@link InstanceDecoder} turns them into instance labels. Only the slices of the current batch are
 * in memory besides the output, whatever the stack size. Holds TensorFlow memory until {@link #close()}.
 */
public final class UNetSegmenter implements StackSegmenter, AutoCloseable {

	public static final String NAME = "unet";
	/**
	 * The largest tile side at inference, at every input scale: a 512x512 slice is one tile, and four at 1.25x.
	 * Larger tiles would be fewer network calls but change what the network sees, since it normalises each tile
	 * (one 640x640 tile at 1.25x: ircadb1's other 22 at 0.73x 0.772 instead of 0.819).
	 */
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
	private final double[] scales;
	private final int batch;
	private final int threads;
	/** The Weka forest blended into the maps, or null for the network alone. */
	private final WekaBlend blend;

	private UNetSegmenter(final UNetModel model, final UNetNetwork network, final int depth, final double[] scales,
		final int batch, final int threads, final WekaBlend blend)
	{
		this.model = model;
		this.network = network;
		this.depth = depth;
		this.scales = scales;
		this.batch = batch;
		this.threads = threads;
		this.blend = blend;
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
		try {
			return segmenting(model, network, model.settings(), batch, threads, model.settings().wekaWeight() > 0
				? WekaBlend.of(model) : null);
		}
		catch (final RuntimeException e) {
			network.close();
			throw e;
		}
	}

	/**
	 * A segmenter-less view of a network in training that computes class maps as segmentation will (mirrored
	 * and at the input scales its settings say, blended with {@code blend} where not null); it does not own the
	 * network.
	 */
	static UNetSegmenter segmenting(final UNetNetwork network, final UNetSettings settings, final int batch,
		final int threads, final WekaBlend blend)
	{
		return segmenting(null, network, settings, batch, threads, blend);
	}

	private static UNetSegmenter segmenting(final UNetModel model, final UNetNetwork network,
		final UNetSettings settings, final int batch, final int threads, final WekaBlend blend)
	{
		return new UNetSegmenter(model, MirroredNetwork.asSegmenting(network, settings), settings.depth(), settings
			.scales(), batch, threads, blend);
	}

	@Override
	public String name() {
		return NAME;
	}

	public UNetModel model() {
		return model;
	}

	/** Where the network runs, the input scales, the blend and the decoder's splits, for the log. */
	public String device() {
		final StringBuilder description = new StringBuilder(network.device());
		if (scales.length > 1 || scales[0] != 1) {
			description.append(", input scales");
			for (final double scale : scales)
				description.append(' ').append(scale).append('x');
		}
		if (blend != null) description.append(", blended with a Weka forest (").append(blend.weight())
			.append(')');
		if (model != null && model.settings().decoder().joinShallowSplits()) description.append(
			", shallow splits joined where no boundary runs");
		if (model != null && model.settings().decoder().splitFatPlanes()) description.append(
			", split along fat planes");
		if (model != null && model.settings().decoder().splitDarkerRegions()) description.append(model.settings()
			.decoder().splitSmallDarkerRegions() ? ", darker regions and small lesions carved out" :
				", darker regions carved out");
		if (model != null && model.settings().decoder().splitDarkerRegions() && model.settings().decoder()
			.growDarkerRegions()) description.append(" to their edge");
		if (model != null && model.settings().decoder().splitIntensityPopulations()) description.append(
			", organs of different density parted");
		if (model != null && model.settings().decoder().keepAirRegionsWhole()) description.append(
			", air regions (lungs) kept whole");
		if (model != null && model.settings().decoder().splitBoneFromSoftTissue()) description.append(
			", bone carved out of soft tissue");
		if (model != null && model.settings().decoder().joinBonePieces()) description.append(model.settings().decoder()
			.joinTouchingBones() ? ", bone pieces and touching bones joined" : ", bone pieces joined");
		if (model != null && model.settings().decoder().usesCortex()) description.append(String.format(Locale.ROOT,
			" (cortex above %.0f HU)", model.settings().decoder().cortexHu()));
		return description.toString();
	}

	@Override
	public ImagePlus segment(final ImagePlus ct, final Progress progress) {
		Stacks.requireCt(ct, "CT");
		final IntensityWindow window = model.windowFor(ct);
		final int width = ct.getWidth();
		final int height = ct.getHeight();
		final ImageStack output = Stacks.emptyLike(ct, 16);
		final InstanceDecoder.Settings decoder = model.settings().decoder();
		final HounsfieldScale hounsfield = HounsfieldScale.of(ct);
		final float air = BodyMask.airUnit(window, hounsfield);
		final TissueLevels tissue = TissueLevels.of(window, hounsfield);
		predict(ct.getStack(), window, progress, (slice, maps, unit) -> output.setPixels(Stacks.labelSlice(
			InstanceDecoder.decode(maps, width, height, decoder, BodyMask.of(unit, width, height, air), tissue
				.slice(unit, width, height, decoder)), width, height).getPixels(), slice + 1));
		final ImagePlus labels = new ImagePlus(ct.getTitle() + "-" + NAME, output);
		Stacks.calibrateLike(labels, ct);
		return labels;
	}

	/**
	 * The class maps of every slice of {@code source} seen through {@code window}, handed to {@code consumer}
	 * {@code batch} slices at a time, in parallel.
	 */
	void predict(final ImageStack source, final IntensityWindow window, final Progress progress,
		final MapsConsumer consumer)
	{
		final int width = source.getWidth();
		final int height = source.getHeight();
		final List<ScaledView> views = new ArrayList<>();
		for (final double scale : scales)
			views.add(new ScaledView(scale, width, height));
		final int slices = source.getSize();
		for (int first = 0; first < slices; first += batch) {
			final int count = Math.min(batch, slices - first);
			final float[][] units = new float[count][];
			for (int k = 0; k < count; k++)
				units[k] = window.toUnit(source.getProcessor(first + k + 1));
			final float[][][] maps = new float[count][][];
			for (final ScaledView view : views)
				view.addMaps(units, maps, 1f / views.size(), progress);
			final int offset = first;
			SliceParallel.forEach(count, threads, Progress.NONE, k -> consumer.accept(offset + k, blend == null ? maps[k]
				: blend.blend(maps[k], units[k], width, height), units[k]));
			progress.report(first + count, slices);
		}
	}

	/** The slices resized by one scale, tiled, through the network, and the class maps resized back. */
	private final class ScaledView {

		final double scale;
		final int width;
		final int height;
		final int scaledWidth;
		final int scaledHeight;
		final Tiling tiling;
		final int tilePixels;
		final float[] images;
		final float[] probabilities;

		ScaledView(final double scale, final int width, final int height) {
			this.scale = scale;
			this.width = width;
			this.height = height;
			scaledWidth = (int) Math.round(width * scale);
			scaledHeight = (int) Math.round(height * scale);
			final int multiple = 1 << depth;
			tiling = new Tiling(scaledWidth, scaledHeight, MAX_TILE / multiple * multiple, MARGIN, multiple);
			tilePixels = tiling.tileWidth * tiling.tileHeight;
			images = new float[batch * tilePixels];
			probabilities = new float[batch * tilePixels * InstanceTargets.CLASS_COUNT];
		}

		/**
		 * Adds {@code weight} times this view's class maps of each slice of {@code units} to {@code maps} (taking
		 * the view's own arrays where {@code maps} has none yet and the weight is 1).
		 */
		void addMaps(final float[][] units, final float[][][] maps, final float weight, final Progress progress) {
			final int classes = InstanceTargets.CLASS_COUNT;
			final int tiles = tiling.count();
			final float[][] inputs = new float[units.length][];
			final float[][][] scaled = new float[units.length][classes][scaledWidth * scaledHeight];
			for (int k = 0; k < units.length; k++)
				inputs[k] = resized(units[k], width, height, scaledWidth, scaledHeight);
			final int jobs = units.length * tiles;
			for (int first = 0; first < jobs; first += batch) {
				progress.checkCancelled();
				final int count = Math.min(batch, jobs - first);
				for (int b = 0; b < count; b++)
					tiling.read(inputs[(first + b) / tiles], (first + b) % tiles, images, b * tilePixels);
				network.predict(images, count, tiling.tileHeight, tiling.tileWidth, probabilities);
				for (int b = 0; b < count; b++)
					tiling.write(probabilities, b * tilePixels * classes, (first + b) % tiles, scaled[(first + b) / tiles]);
			}
			for (int k = 0; k < units.length; k++) {
				if (maps[k] == null && weight == 1 && scale == 1) {
					maps[k] = scaled[k];
					continue;
				}
				if (maps[k] == null) maps[k] = new float[classes][width * height];
				for (int c = 0; c < classes; c++) {
					final float[] back = resized(scaled[k][c], scaledWidth, scaledHeight, width, height);
					for (int i = 0; i < back.length; i++)
						maps[k][c][i] += weight * back[i];
				}
			}
		}
	}

	/** A row-major plane resized bilinearly (averaging when it shrinks); the plane itself when the size stays. */
	private static float[] resized(final float[] plane, final int width, final int height, final int toWidth,
		final int toHeight)
	{
		if (width == toWidth && height == toHeight) return plane;
		final FloatProcessor processor = new FloatProcessor(width, height, plane);
		processor.setInterpolationMethod(ImageProcessor.BILINEAR);
		return (float[]) processor.resize(toWidth, toHeight, toWidth < width).getPixels();
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
