package org.fewshotct.core.weka;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.SlicePairing;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.features.FeatureBank;
import org.fewshotct.core.instances.InstanceTargets;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Samples training pixels from the labelled slices: per slice and class, up to a fixed number of pixels drawn
 * at random without replacement, so every slice and every class weighs about the same whatever its area (the
 * boundary class is a thin ring; background covers most of a slice). Seeded per slice, so the sample does not
 * depend on the thread count or the order in which slices finish.
 */
final class TrainingSampler {

	private TrainingSampler() {}

	static TrainingData sample(final ImagePlus allCt, final ImagePlus labels, final WekaSettings settings,
		final Progress progress)
	{
		Stacks.requireCt(allCt, "CT");
		Stacks.requireLabels(labels, "labels");
		final ImagePlus ct = SlicePairing.ctForLabels(allCt, labels);
		final int[] slices = labelledSlices(labels);
		if (slices.length == 0) throw new UserInputException("The labels '" + labels.getTitle() +
			"' hold no labelled pixel: nothing to learn from");
		final HounsfieldWindow hounsfield = settings.window() != null ? settings.window() : HounsfieldWindow.DEFAULT;
		final IntensityWindow window = hounsfield.on(ct);
		final FeatureBank bank = new FeatureBank(settings.features());
		final double[][][] rows = new double[slices.length][][];
		progress.status("features of " + slices.length + " labelled slices");
		SliceParallel.forEach(slices.length, settings.threads(), progress, k -> rows[k] = sampleSlice(ct.getStack(),
			labels.getStack(), slices[k], window, bank, settings));
		final Instances instances = header(bank.names(), settings.scheme(), count(rows));
		for (final double[][] sliceRows : rows)
			for (final double[] row : sliceRows)
				instances.add(new DenseInstance(1, row));
		return new TrainingData(instances, hounsfield, ct.getBitDepth(), slices);
	}

	/** The empty data set whose attributes are the feature planes and the scheme's classes. */
	static Instances header(final List<String> featureNames, final ClassScheme scheme, final int capacity) {
		final ArrayList<Attribute> attributes = new ArrayList<>();
		for (final String name : featureNames)
			attributes.add(new Attribute(name));
		final List<String> classes = new ArrayList<>();
		for (int c = 0; c < scheme.classCount(); c++)
			classes.add(scheme.className(c));
		attributes.add(new Attribute("class", classes));
		final Instances instances = new Instances("few-shot-ct-" + scheme.key(), attributes, capacity);
		instances.setClassIndex(attributes.size() - 1);
		return instances;
	}

	/** 1-based indices of the slices with at least one labelled pixel. */
	static int[] labelledSlices(final ImagePlus labels) {
		final ImageStack stack = labels.getStack();
		final List<Integer> slices = new ArrayList<>();
		for (int s = 1; s <= stack.getSize(); s++) {
			final ImageProcessor slice = stack.getProcessor(s);
			for (int i = 0; i < slice.getPixelCount(); i++) {
				if (slice.get(i) != 0) {
					slices.add(s);
					break;
				}
			}
		}
		return slices.stream().mapToInt(Integer::intValue).toArray();
	}

	private static double[][] sampleSlice(final ImageStack ct, final ImageStack labels, final int slice,
		final IntensityWindow window, final FeatureBank bank, final WekaSettings settings)
	{
		final int width = ct.getWidth();
		final int height = ct.getHeight();
		final float[][] planes = bank.compute(window.toUnit(ct.getProcessor(slice)), width, height);
		final byte[] targets = InstanceTargets.classes(Stacks.labelValues(labels.getProcessor(slice)), width, height,
			settings.boundaryWidth());
		final ClassScheme scheme = settings.scheme();
		final Random random = new Random(settings.seed() * 1_000_003L + slice);
		final List<double[]> rows = new ArrayList<>();
		for (int c = 0; c < scheme.classCount(); c++) {
			for (final int pixel : choose(targets, scheme.target(c), settings.samplesPerClass(), random)) {
				final double[] row = new double[planes.length + 1];
				for (int f = 0; f < planes.length; f++)
					row[f] = planes[f][pixel];
				row[planes.length] = c;
				rows.add(row);
			}
		}
		return rows.toArray(new double[0][]);
	}

	/** Up to n pixels of the given target class, drawn without replacement (a partial Fisher-Yates shuffle). */
	static int[] choose(final byte[] targets, final byte target, final int n, final Random random) {
		int count = 0;
		for (final byte t : targets)
			if (t == target) count++;
		final int[] pixels = new int[count];
		for (int i = 0, k = 0; i < targets.length; i++)
			if (targets[i] == target) pixels[k++] = i;
		final int chosen = Math.min(n, count);
		for (int i = 0; i < chosen; i++) {
			final int j = i + random.nextInt(count - i);
			final int swap = pixels[i];
			pixels[i] = pixels[j];
			pixels[j] = swap;
		}
		return Arrays.copyOf(pixels, chosen);
	}

	private static int count(final double[][][] rows) {
		int n = 0;
		for (final double[][] sliceRows : rows)
			n += sliceRows.length;
		return n;
	}
}
