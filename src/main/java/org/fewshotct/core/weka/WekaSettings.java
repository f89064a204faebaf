package org.fewshotct.core.weka;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.features.FeatureSettings;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.TouchingBones;

/**
 * How {@link WekaTrainer} trains: features, classes, sampling, the classifier and the decoder settings the
 * model will carry. An immutable value; start from {@link #DEFAULT} and change what you need with the
 * {@code with...} methods.
 */
public final class WekaSettings {

	/**
	 * Decoder settings tuned on the real CT slices (bench/weka-quality.sh): seeds where the interior
	 * probability reaches 0.6, seed blobs of at least 50 pixels, and every pixel flooded (the metric scores only
	 * structure pixels, and structure predicted as background would fall into one cluster); darker regions carved
	 * out of the instances as the U-Net's are (ts_dicom_train -> ircadb1 0.636 -> 0.659, ircadb1's other 22
	 * 0.828 -> 0.841, -> ts_example_ct 0.649 -> 0.654, same scan 0.879 either way), the pieces of each bone
	 * joined (then 0.659 -> 0.706, 0.841 -> 0.876, 0.654 -> 0.657, 0.879 either way) and the air regions kept
	 * whole, which for Weka's scheme (it calls everything in the body a structure) joins the pieces of a lung
	 * (then 0.706 -> 0.789, 0.876 and 0.879 unchanged, ts_example_ct 0.657 -> 0.661), and small darker blobs that
	 * look like lesions carved too (then 0.789 -> 0.794, 0.876 -> 0.878, 0.879 either way, 0.661 either way), the
	 * instances that touch through dense bone joined (then 0.810, 0.882, 0.878, 0.664), and bone carved out of the
	 * soft-tissue instances that grew over it (then ts_dicom_train -> ircadb1 0.810 -> 0.823, ircadb1's other 22
	 * 0.882 -> 0.886, same scan 0.878 -> 0.909, ts_example_ct 0.664 -> 0.665; ircadb1 -> ts_dicom_train drawn as
	 * IRCAD draws a patient 0.892 -> 0.911, -> ts_example_ct so drawn 0.616 -> 0.615), and the large darker regions
	 * grown to their edge (then ts_dicom_train -> ircadb1 0.823 -> 0.830, ircadb1's other 22 0.886 -> 0.889, same scan
	 * 0.909, the stand-in drawn from ts_dicom_train 0.911, ts_example_ct 0.665 either way). Not the intensity
	 * populations the U-Net parts ({@code InstanceDecoder.Settings#splitIntensityPopulations()}), which trust a rise
	 * of the boundary map along the split: the forest's per-pixel vote is no such witness, and the step cost the
	 * same scan 0.914 -> 0.839 and the stand-in drawn from ts_dicom_train 0.919 -> 0.896 (ts_dicom_train -> ircadb1
	 * 0.832 -> 0.837, ts_example_ct 0.665 -> 0.679, ircadb1's other 22 0.887 either way; 2026-12-05).
	 */
	public static final InstanceDecoder.Settings TUNED_DECODER = new InstanceDecoder.Settings(0.5, 0.6, 50, true)
		.withSplitDarkerRegions(true).withJoinBonePieces(true).withKeepAirRegionsWhole(true)
		.withSplitSmallDarkerRegions(true).withJoinTouchingBones(true).withSplitBoneFromSoftTissue(true)
		.withGrowDarkerRegions(true).withCortexHu(TouchingBones.CORTEX_HU);

	/**
	 * The defaults: the structures-only scheme (robust to partial masks), boundaries 2 pixels wide, 1000 pixels
	 * per class and slice, 32 trees: chosen on real CT for accuracy within about 2 s per 512x512 slice on two
	 * cores.
	 */
	public static final WekaSettings DEFAULT = new WekaSettings(FeatureSettings.DEFAULT, ClassScheme.STRUCTURES, 2,
		1000, 1, 32, 0, 0, "", "", null, TUNED_DECODER, SliceParallel.defaultThreads());

	private final FeatureSettings features;
	private final ClassScheme scheme;
	private final int boundaryWidth;
	private final int samplesPerClass;
	private final int seed;
	private final int trees;
	private final int featuresPerNode;
	private final int maxDepth;
	private final String classifier;
	private final String classifierOptions;
	private final HounsfieldWindow window;
	private final InstanceDecoder.Settings decoder;
	private final int threads;

	private WekaSettings(final FeatureSettings features, final ClassScheme scheme, final int boundaryWidth,
		final int samplesPerClass, final int seed, final int trees, final int featuresPerNode, final int maxDepth,
		final String classifier, final String classifierOptions, final HounsfieldWindow window,
		final InstanceDecoder.Settings decoder, final int threads)
	{
		require(boundaryWidth >= 1, "boundary width must be >= 1, got " + boundaryWidth);
		require(samplesPerClass >= 1, "samples must be >= 1, got " + samplesPerClass);
		require(trees >= 1, "trees must be >= 1, got " + trees);
		require(featuresPerNode >= 0, "features per node must be >= 0 (0 = log2(features) + 1), got " +
			featuresPerNode);
		require(maxDepth >= 0, "max depth must be >= 0 (0 = unlimited), got " + maxDepth);
		require(threads >= 1, "threads must be >= 1, got " + threads);
		this.features = features;
		this.scheme = scheme;
		this.boundaryWidth = boundaryWidth;
		this.samplesPerClass = samplesPerClass;
		this.seed = seed;
		this.trees = trees;
		this.featuresPerNode = featuresPerNode;
		this.maxDepth = maxDepth;
		this.classifier = classifier == null ? "" : classifier.trim();
		this.classifierOptions = classifierOptions == null ? "" : classifierOptions.trim();
		this.window = window;
		this.decoder = decoder;
		this.threads = threads;
	}

	private static void require(final boolean condition, final String message) {
		if (!condition) throw new UserInputException(message);
	}

	/** The filter bank's families and scales. */
	public FeatureSettings features() {
		return features;
	}

	public ClassScheme scheme() {
		return scheme;
	}

	/** Structure pixels within this many pixels of another label or background are boundary. */
	public int boundaryWidth() {
		return boundaryWidth;
	}

	/** At most this many pixels are sampled per class and labelled slice. */
	public int samplesPerClass() {
		return samplesPerClass;
	}

	/** Seeds the sampling and the forest: the same inputs and seed give the same model. */
	public int seed() {
		return seed;
	}

	/** Trees of the random forest. */
	public int trees() {
		return trees;
	}

	/** Features tried per split of the forest; 0 = Weka's log2(features) + 1. */
	public int featuresPerNode() {
		return featuresPerNode;
	}

	/** Maximum depth of the forest's trees; 0 = unlimited. */
	public int maxDepth() {
		return maxDepth;
	}

	/** A Weka classifier class name instead of the random forest; empty = the seeded random forest. */
	public String classifier() {
		return classifier;
	}

	/** Weka command-line options for {@link #classifier()}. */
	public String classifierOptions() {
		return classifierOptions;
	}

	/** The intensity window in HU, or null for {@link HounsfieldWindow#DEFAULT}. */
	public HounsfieldWindow window() {
		return window;
	}

	/** The decoder settings the model stores. */
	public InstanceDecoder.Settings decoder() {
		return decoder;
	}

	/** Threads for features (per slice) and forest building. */
	public int threads() {
		return threads;
	}

	public WekaSettings withFeatures(final FeatureSettings value) {
		return new WekaSettings(value, scheme, boundaryWidth, samplesPerClass, seed, trees, featuresPerNode, maxDepth,
			classifier, classifierOptions, window, decoder, threads);
	}

	public WekaSettings withScheme(final ClassScheme value) {
		return new WekaSettings(features, value, boundaryWidth, samplesPerClass, seed, trees, featuresPerNode,
			maxDepth, classifier, classifierOptions, window, decoder, threads);
	}

	public WekaSettings withBoundaryWidth(final int value) {
		return new WekaSettings(features, scheme, value, samplesPerClass, seed, trees, featuresPerNode, maxDepth,
			classifier, classifierOptions, window, decoder, threads);
	}

	public WekaSettings withSamplesPerClass(final int value) {
		return new WekaSettings(features, scheme, boundaryWidth, value, seed, trees, featuresPerNode, maxDepth,
			classifier, classifierOptions, window, decoder, threads);
	}

	public WekaSettings withSeed(final int value) {
		return new WekaSettings(features, scheme, boundaryWidth, samplesPerClass, value, trees, featuresPerNode,
			maxDepth, classifier, classifierOptions, window, decoder, threads);
	}

	public WekaSettings withTrees(final int value) {
		return new WekaSettings(features, scheme, boundaryWidth, samplesPerClass, seed, value, featuresPerNode,
			maxDepth, classifier, classifierOptions, window, decoder, threads);
	}

	public WekaSettings withFeaturesPerNode(final int value) {
		return new WekaSettings(features, scheme, boundaryWidth, samplesPerClass, seed, trees, value, maxDepth,
			classifier, classifierOptions, window, decoder, threads);
	}

	public WekaSettings withMaxDepth(final int value) {
		return new WekaSettings(features, scheme, boundaryWidth, samplesPerClass, seed, trees, featuresPerNode, value,
			classifier, classifierOptions, window, decoder, threads);
	}

	/** Any Weka classifier by class name and options, e.g. {@code weka.classifiers.trees.J48} and {@code -C 0.25}. */
	public WekaSettings withClassifier(final String className, final String options) {
		return new WekaSettings(features, scheme, boundaryWidth, samplesPerClass, seed, trees, featuresPerNode,
			maxDepth, className, options, window, decoder, threads);
	}

	public WekaSettings withWindow(final HounsfieldWindow value) {
		return new WekaSettings(features, scheme, boundaryWidth, samplesPerClass, seed, trees, featuresPerNode,
			maxDepth, classifier, classifierOptions, value, decoder, threads);
	}

	public WekaSettings withDecoder(final InstanceDecoder.Settings value) {
		return new WekaSettings(features, scheme, boundaryWidth, samplesPerClass, seed, trees, featuresPerNode,
			maxDepth, classifier, classifierOptions, window, value, threads);
	}

	public WekaSettings withThreads(final int value) {
		return new WekaSettings(features, scheme, boundaryWidth, samplesPerClass, seed, trees, featuresPerNode,
			maxDepth, classifier, classifierOptions, window, decoder, value);
	}
}
