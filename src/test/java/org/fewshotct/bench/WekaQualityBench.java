package org.fewshotct.bench;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.features.FeatureSettings;
import org.fewshotct.core.instances.InstanceTargets;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.metric.RandIndex;
import org.fewshotct.core.metric.StackRandIndex;
import org.fewshotct.core.weka.ClassScheme;
import org.fewshotct.core.weka.WekaModel;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;

/**
 * Few-shot quality of the Weka method on real CT, as {@code bench/weka-quality.sh} runs it: trains on some
 * slices of one set and prints the mean ARI on other slices (of the same or another set).
 * <p>
 * Usage: {@code WekaQualityBench train=SET_DIR test=SET_DIR [images=images] [train_slices=0-4]
 * [test_slices=5-9] [trees= samples= seed= features= scheme= boundary= drop= background_threshold=
 * marker_threshold= marker_dynamic= min_marker_area= fill_background= tune=true]}; SET_DIR holds {@code images*} and
 * {@code labels}. {@code drop=0.5} removes that fraction of the instances from the training masks (partial
 * masks); {@code tune=true} also scores a grid of decoder settings on the same probability maps.
 * </p>
 */
public final class WekaQualityBench {

	private WekaQualityBench() {}

	public static void main(final String[] args) {
		final Map<String, String> options = new LinkedHashMap<>();
		for (final String arg : args) {
			final int eq = arg.indexOf('=');
			options.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		final String images = options.getOrDefault("images", "images");
		final File trainSet = new File(options.get("train"));
		final File testSet = new File(options.get("test"));
		final ImagePlus trainCt = SliceFolderReader.read(new File(trainSet, images), Progress.NONE);
		final ImagePlus trainLabels = SliceFolderReader.read(new File(trainSet, "labels"), Progress.NONE);
		final ImagePlus testCt = SliceFolderReader.read(new File(testSet, images), Progress.NONE);
		final ImagePlus testLabels = SliceFolderReader.read(new File(testSet, "labels"), Progress.NONE);
		final int[] trainSlices = range(options.getOrDefault("train_slices", "0-" + (trainCt.getStackSize() - 1)));
		final int[] testSlices = range(options.getOrDefault("test_slices", "0-" + (testCt.getStackSize() - 1)));
		final double drop = Double.parseDouble(options.getOrDefault("drop", "0"));
		final WekaSettings settings = settings(options);

		long t0 = System.nanoTime();
		final WekaModel model = new WekaTrainer(settings).train(subset(trainCt, trainSlices, 0), subset(trainLabels,
			trainSlices, drop), Progress.NONE);
		final double trainSeconds = seconds(t0);
		final ImagePlus ct = subset(testCt, testSlices, 0);
		final ImagePlus truth = subset(testLabels, testSlices, 0);
		t0 = System.nanoTime();
		final float[][][] maps = probabilities(model, ct);
		final double applySeconds = seconds(t0);
		System.out.printf("train %s slices %s -> test %s slices %s (%s, drop %.2f)%n", trainSet.getName(), options
			.getOrDefault("train_slices", "all"), testSet.getName(), options.getOrDefault("test_slices", "all"), images,
			drop);
		System.out.printf("train seconds %.2f, probabilities %.3f s/slice%n", trainSeconds, applySeconds / ct
			.getStackSize());
		System.out.printf("weka mean ARI %.4f  (%s)%n", score(maps, ct, truth, model.decoder()), model.decoder());
		if (Boolean.parseBoolean(options.getOrDefault("tune", "false"))) tune(maps, ct, truth, model.scheme().classOf(
			InstanceTargets.BACKGROUND) >= 0);
	}

	static WekaSettings settings(final Map<String, String> o) {
		WekaSettings s = WekaSettings.DEFAULT;
		if (o.containsKey("trees")) s = s.withTrees(Integer.parseInt(o.get("trees")));
		if (o.containsKey("samples")) s = s.withSamplesPerClass(Integer.parseInt(o.get("samples")));
		if (o.containsKey("seed")) s = s.withSeed(Integer.parseInt(o.get("seed")));
		if (o.containsKey("features")) s = s.withFeatures(FeatureSettings.parse(o.get("features")));
		if (o.containsKey("max_sigma")) s = s.withFeatures(s.features().withSigmas(1, Double.parseDouble(o.get(
			"max_sigma"))));
		if (o.containsKey("scheme")) s = s.withScheme(ClassScheme.byKey(o.get("scheme")));
		if (o.containsKey("boundary")) s = s.withBoundaryWidth(Integer.parseInt(o.get("boundary")));
		if (o.containsKey("depth")) s = s.withMaxDepth(Integer.parseInt(o.get("depth")));
		if (o.containsKey("per_node")) s = s.withFeaturesPerNode(Integer.parseInt(o.get("per_node")));
		final Map<String, String> decoder = new LinkedHashMap<>(s.decoder().toMap());
		for (final String key : decoder.keySet().toArray(new String[0]))
			if (o.containsKey(key)) decoder.put(key, o.get(key));
		return s.withDecoder(InstanceDecoder.Settings.fromMap(decoder));
	}

	/** Probability maps of every slice, computed once so decoder settings can be compared on them. */
	static float[][][] probabilities(final WekaModel model, final ImagePlus ct) {
		final IntensityWindow window = model.window().on(ct);
		final float[][][] maps = new float[ct.getStackSize()][][];
		SliceParallel.forEach(ct.getStackSize(), SliceParallel.defaultThreads(), Progress.NONE, s -> maps[s] = model
			.probabilities(window.toUnit(ct.getStack().getProcessor(s + 1)), ct.getWidth(), ct.getHeight()));
		return maps;
	}

	static double score(final float[][][] maps, final ImagePlus ct, final ImagePlus truth,
		final InstanceDecoder.Settings decoder)
	{
		final ImageStack labels = new ImageStack(ct.getWidth(), ct.getHeight());
		for (final float[][] map : maps)
			labels.addSlice("", Stacks.labelSlice(InstanceDecoder.decode(map, ct.getWidth(), ct
				.getHeight(), decoder), ct.getWidth(), ct.getHeight()));
		final RandIndex.Score[] scores = StackRandIndex.score(truth, new ImagePlus("weka", labels),
			SliceParallel.defaultThreads(), Progress.NONE);
		return StackRandIndex.meanAdjusted(scores);
	}

	/** Scores a grid of decoder settings; background settings only where the model predicts background. */
	private static void tune(final float[][][] maps, final ImagePlus ct, final ImagePlus truth,
		final boolean background)
	{
		for (final boolean fill : background ? new boolean[] { false, true } : new boolean[] { true })
			for (final double threshold : background ? new double[] { 0.3, 0.5, 0.7 } : new double[] { 0.5 })
				for (final double marker : new double[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 })
					for (final int area : new int[] { 5, 10, 20, 50, 100 }) {
						final InstanceDecoder.Settings d = new InstanceDecoder.Settings(threshold, marker, area, fill);
						System.out.printf("tune ARI %.4f fill=%s background=%.2f marker=%.2f area=%d%n", score(maps, ct, truth,
							d), fill, threshold, marker, area);
					}
	}

	/** "a-b" or "a,b,c" (0-based) as indices. */
	static int[] range(final String text) {
		final List<Integer> out = new ArrayList<>();
		for (final String part : text.split(",")) {
			final String[] ends = part.split("-");
			final int a = Integer.parseInt(ends[0].trim());
			final int b = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : a;
			for (int i = a; i <= b; i++)
				out.add(i);
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * The given 0-based slices as a new stack; with drop > 0 (labels), that fraction of each slice's instances,
	 * chosen at random (seeded), is erased to 0, as unannotated structures are in partial masks.
	 */
	static ImagePlus subset(final ImagePlus stack, final int[] slices, final double drop) {
		final ImageStack out = new ImageStack(stack.getWidth(), stack.getHeight());
		final Random random = new Random(42);
		for (final int s : slices) {
			final ImageProcessor slice = stack.getStack().getProcessor(s + 1).duplicate();
			if (drop > 0) {
				final boolean[] erased = new boolean[65536];
				for (int v = 1; v < erased.length; v++)
					erased[v] = random.nextDouble() < drop;
				for (int i = 0; i < slice.getPixelCount(); i++)
					if (erased[slice.get(i)]) slice.set(i, 0);
			}
			out.addSlice(stack.getStack().getSliceLabel(s + 1), slice);
		}
		return new ImagePlus(stack.getTitle(), out);
	}

	private static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
