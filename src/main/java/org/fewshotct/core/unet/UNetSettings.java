package org.fewshotct.core.unet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.TouchingBones;

/**
 * How a U-Net is built and trained, and how its maps become instances: an immutable value with defaults,
 * {@code with...} copies, and {@link #toMap()} / {@link #fromMap(Map)} so that the model folder stores it.
 * The defaults train on ten 512x512 slices in about ten minutes on two CPU cores. The decoder's seeds are
 * interior domes 0.25 above their saddles (see {@link InstanceDecoder}) for models trained without validation
 * slices (fewer than 3 are not held out); with them, training picks the dynamic and the smallest seed.
 */
public final class UNetSettings {

	public static final UNetSettings DEFAULT = new UNetSettings(4, 16, 256, 4, 40, 1, 0.1, 1e-3, 1, 0.3, 2, true,
		true, new double[] { 1, 1.25 }, 0.25, InstanceDecoder.Settings.DEFAULT.withMarkerThreshold(0.5).withMarkerDynamic(
			0.25).withMinMarkerArea(20).withFillBackground(true).withSplitFatPlanes(true)
			.withSplitDarkerRegions(true).withKeepAirRegionsWhole(true).withJoinBonePieces(true).withSplitSmallDarkerRegions(
				true).withJoinTouchingBones(true).withSplitBoneFromSoftTissue(true).withGrowDarkerRegions(true)
				.withCortexHu(TouchingBones.CORTEX_HU).withSplitIntensityPopulations(true).withJoinShallowSplits(true));

	private final int depth;
	private final int width;
	private final int tile;
	private final int batch;
	private final int epochs;
	private final long seed;
	private final double validation;
	private final double learningRate;
	private final int boundaryWidth;
	private final double backgroundWeight;
	private final double boundaryWeight;
	private final boolean augment;
	private final boolean mirror;
	private final double[] scales;
	private final double wekaWeight;
	private final InstanceDecoder.Settings decoder;

	private UNetSettings(final int depth, final int width, final int tile, final int batch, final int epochs,
		final long seed, final double validation, final double learningRate, final int boundaryWidth,
		final double backgroundWeight, final double boundaryWeight, final boolean augment, final boolean mirror,
		final double[] scales, final double wekaWeight, final InstanceDecoder.Settings decoder)
	{
		if (depth < 1 || depth > 6) throw new UserInputException("depth must be 1..6, got " + depth);
		if (width < 1 || width > 256) throw new UserInputException("width must be 1..256, got " + width);
		if (tile < 1 || tile % (1 << depth) != 0) throw new UserInputException("tile must be a positive multiple of " +
			(1 << depth) + " (2^depth), got " + tile);
		if (batch < 1) throw new UserInputException("batch must be >= 1, got " + batch);
		if (epochs < 1) throw new UserInputException("epochs must be >= 1, got " + epochs);
		if (!(validation >= 0 && validation < 1)) throw new UserInputException("validation must be in [0, 1), got " +
			validation);
		if (!(learningRate > 0 && learningRate < 1)) throw new UserInputException("learning_rate must be in (0, 1), " +
			"got " + learningRate);
		if (boundaryWidth < 1) throw new UserInputException("boundary_width must be >= 1, got " + boundaryWidth);
		if (!(backgroundWeight > 0) || !(boundaryWeight > 0)) throw new UserInputException(
			"class weights must be > 0, got background " + backgroundWeight + " and boundary " + boundaryWeight);
		if (scales.length == 0) throw new UserInputException("scales must name at least one input scale");
		for (final double scale : scales)
			if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) throw new UserInputException("scales must lie in [" +
				MIN_SCALE + ", " + MAX_SCALE + "], got " + scale);
		if (!(wekaWeight >= 0 && wekaWeight < 1)) throw new UserInputException("weka_weight must be in [0, 1), got " +
			wekaWeight);
		this.depth = depth;
		this.width = width;
		this.tile = tile;
		this.batch = batch;
		this.epochs = epochs;
		this.seed = seed;
		this.validation = validation;
		this.learningRate = learningRate;
		this.boundaryWidth = boundaryWidth;
		this.backgroundWeight = backgroundWeight;
		this.boundaryWeight = boundaryWeight;
		this.augment = augment;
		this.mirror = mirror;
		this.scales = scales.clone();
		this.wekaWeight = wekaWeight;
		this.decoder = decoder;
	}

	/** Poolings: the network sees 2^depth times coarser at the bottom; tiles are multiples of 2^depth. */
	public int depth() {
		return depth;
	}

	/** Filters on the first level, doubling per level. */
	public int width() {
		return width;
	}

	/** Side of the square training tiles, a multiple of 2^depth. */
	public int tile() {
		return tile;
	}

	/** Tiles per training step. */
	public int batch() {
		return batch;
	}

	/** Passes over the training slices; an epoch samples as many tiles as cover them once. */
	public int epochs() {
		return epochs;
	}

	/** Seeds the weights, the validation split and every augmentation. */
	public long seed() {
		return seed;
	}

	/**
	 * Fraction of the labelled slices held out for validation (0 = none); held out only when it comes to at least
	 * {@link DecoderTuning#MIN_SLICES} slices, else they all train.
	 */
	public double validation() {
		return validation;
	}

	public double learningRate() {
		return learningRate;
	}

	/** Width in pixels of the boundary class, see {@link org.fewshotct.core.instances.InstanceTargets}. */
	public int boundaryWidth() {
		return boundaryWidth;
	}

	/**
	 * Loss weight of background pixels (interior pixels weigh 1). Below 1 because masks are partial: much of
	 * what they call background is unlabelled structure, and the metric scores only labelled pixels.
	 */
	public double backgroundWeight() {
		return backgroundWeight;
	}

	/** Loss weight of boundary pixels: the thin class that separates touching structures. */
	public double boundaryWeight() {
		return boundaryWeight;
	}

	/** Whether training tiles are flipped, rotated, scaled, re-windowed, blurred or sharpened, and noised. */
	public boolean augment() {
		return augment;
	}

	/**
	 * Whether the class maps are averaged over each slice and its three mirror images ({@link MirroredNetwork})
	 * when the model segments and when training scores its validation slices; the teacher of unlabelled slices
	 * sees them plain ({@link UNetTrainer}).
	 */
	public boolean mirror() {
		return mirror;
	}

	/**
	 * The sizes, relative to the slice, at which segmentation shows each slice to the network; the class maps,
	 * resized back, are averaged. A second, larger view (1.25) keeps a patient's own slices as they were and
	 * recovers most of what a scan with coarser pixels than the training's loses, where wider scale augmentation
	 * in training did not (the same trained models, one scale -> 1 and 1.25: ircadb1's other 22 0.890 -> 0.890,
	 * at 0.73x 0.747 -> 0.819; ts_dicom_train -> ircadb1 0.669 -> 0.680). About five times the network calls
	 * (1.25x is four tiles). Training's validation scores see them too, and the teacher of unlabelled slices
	 * (unmirrored).
	 */
	public double[] scales() {
		return scales.clone();
	}

	/**
	 * How much of the class maps comes from a Weka forest trained on the same masks with the same window
	 * ({@link WekaBlend}): each map is {@code (1 - w)} times the network's plus {@code w} times the forest's (which
	 * names no background, so the blend lowers the network's background by that factor too). 0: the network alone.
	 * A per-pixel forest on local features and a network that sees whole tiles err in different places on another
	 * patient. The same trained models, alone -> blended at 0.25: ts_dicom_train -> ircadb1 0.680 -> 0.714 (with
	 * unlabelled slices 0.736 -> 0.750), -> ts_example_ct 0.710 -> 0.717, ircadb1's other 22 at 0.73x 0.819 ->
	 * 0.845, tumours the masks never showed 0 -> 1 of 18; ircadb1's other 22 0.890 -> 0.883 (with unlabelled
	 * slices 0.854 -> 0.868). The network's own interior/boundary share in the forest's place gained about half
	 * as much (0.704, 0.834, 0.892, 0.855). Training's validation scores see the blend, and so does the teacher
	 * of unlabelled slices (its students, over two seeds: ts_dicom_train -> ircadb1 0.751, ircadb1's other 22
	 * 0.870, against 0.733 and 0.869 taught by the network alone).
	 */
	public double wekaWeight() {
		return wekaWeight;
	}

	public InstanceDecoder.Settings decoder() {
		return decoder;
	}

	public UNetSettings withDepth(final int value) {
		return new UNetSettings(value, width, tile, batch, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withWidth(final int value) {
		return new UNetSettings(depth, value, tile, batch, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withTile(final int value) {
		return new UNetSettings(depth, width, value, batch, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withBatch(final int value) {
		return new UNetSettings(depth, width, tile, value, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withEpochs(final int value) {
		return new UNetSettings(depth, width, tile, batch, value, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withSeed(final long value) {
		return new UNetSettings(depth, width, tile, batch, epochs, value, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withValidation(final double value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, value, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withLearningRate(final double value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, validation, value, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withBoundaryWidth(final int value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, validation, learningRate, value,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withBackgroundWeight(final double value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, validation, learningRate, boundaryWidth, value,
			boundaryWeight, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withBoundaryWeight(final double value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, value, augment, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withAugment(final boolean value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, value, mirror, scales, wekaWeight, decoder);
	}

	public UNetSettings withMirror(final boolean value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, value, scales, wekaWeight, decoder);
	}

	public UNetSettings withScales(final double... value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, value, wekaWeight, decoder);
	}

	public UNetSettings withWekaWeight(final double value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, value, decoder);
	}

	public UNetSettings withDecoder(final InstanceDecoder.Settings value) {
		return new UNetSettings(depth, width, tile, batch, epochs, seed, validation, learningRate, boundaryWidth,
			backgroundWeight, boundaryWeight, augment, mirror, scales, wekaWeight, value);
	}

	/** The settings as strings under stable keys; the decoder's under "decoder.". */
	public Map<String, String> toMap() {
		final Map<String, String> map = new LinkedHashMap<>();
		map.put("depth", Integer.toString(depth));
		map.put("width", Integer.toString(width));
		map.put("tile", Integer.toString(tile));
		map.put("batch", Integer.toString(batch));
		map.put("epochs", Integer.toString(epochs));
		map.put("seed", Long.toString(seed));
		map.put("validation", Double.toString(validation));
		map.put("learning_rate", Double.toString(learningRate));
		map.put("boundary_width", Integer.toString(boundaryWidth));
		map.put("background_weight", Double.toString(backgroundWeight));
		map.put("boundary_weight", Double.toString(boundaryWeight));
		map.put("augment", Boolean.toString(augment));
		map.put(MIRROR, Boolean.toString(mirror));
		map.put(SCALES, Arrays.stream(scales).mapToObj(Double::toString).collect(Collectors.joining(",")));
		map.put(WEKA_WEIGHT, Double.toString(wekaWeight));
		for (final Map.Entry<String, String> e : decoder.toMap().entrySet())
			map.put(DECODER + e.getKey(), e.getValue());
		return map;
	}

	static final String DECODER = "decoder.";
	private static final String MIRROR = "mirror";
	private static final String SCALES = "scales";
	private static final String WEKA_WEIGHT = "weka_weight";
	private static final double MIN_SCALE = 0.5;
	private static final double MAX_SCALE = 2;

	/**
	 * Settings read back from {@link #toMap()}; missing keys take the defaults, except {@code mirror},
	 * {@code scales} and {@code weka_weight}: a model saved before they existed segments as it did then (plain,
	 * one scale, the network alone).
	 */
	public static UNetSettings fromMap(final Map<String, String> map) {
		final Map<String, String> defaults = DEFAULT.toMap();
		final Map<String, String> decoder = new LinkedHashMap<>();
		for (final Map.Entry<String, String> e : map.entrySet())
			if (e.getKey().startsWith(DECODER)) decoder.put(e.getKey().substring(DECODER.length()), e.getValue());
		try {
			return new UNetSettings(Integer.parseInt(get(map, defaults, "depth")), Integer.parseInt(get(map, defaults,
				"width")), Integer.parseInt(get(map, defaults, "tile")), Integer.parseInt(get(map, defaults, "batch")),
				Integer.parseInt(get(map, defaults, "epochs")), Long.parseLong(get(map, defaults, "seed")), Double
					.parseDouble(get(map, defaults, "validation")), Double.parseDouble(get(map, defaults, "learning_rate")),
				Integer.parseInt(get(map, defaults, "boundary_width")), Double.parseDouble(get(map, defaults,
					"background_weight")), Double.parseDouble(get(map, defaults, "boundary_weight")), Boolean.parseBoolean(
						get(map, defaults, "augment")), Boolean.parseBoolean(map.getOrDefault(MIRROR, "false").trim()),
				parseScales(map.getOrDefault(SCALES, "1")), Double.parseDouble(map.getOrDefault(WEKA_WEIGHT, "0").trim()),
				decoder.isEmpty() ? DEFAULT.decoder.withoutRefinements() : InstanceDecoder.Settings.fromMap(decoder));
		}
		catch (final NumberFormatException e) {
			throw new UserInputException("Bad U-Net setting: " + e.getMessage(), e);
		}
	}

	private static double[] parseScales(final String list) {
		try {
			return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToDouble(
				Double::parseDouble).toArray();
		}
		catch (final NumberFormatException e) {
			throw new UserInputException("scales must be numbers separated by commas (1,1.25), got \"" + list + "\"", e);
		}
	}

	private static String get(final Map<String, String> map, final Map<String, String> defaults, final String key) {
		final String value = map.get(key);
		return value != null ? value.trim() : defaults.get(key);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof UNetSettings && toMap().equals(((UNetSettings) o).toMap());
	}

	@Override
	public int hashCode() {
		return toMap().hashCode();
	}

	@Override
	public String toString() {
		return toMap().toString();
	}
}
