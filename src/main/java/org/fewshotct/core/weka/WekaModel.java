package org.fewshotct.core.weka;

import java.io.File;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.features.FeatureBank;
import org.fewshotct.core.features.FeatureSettings;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.InstanceTargets;

import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * A trained Weka pixel classifier with everything needed to apply it as it was trained: the feature settings,
 * the class scheme, the intensity window and the decoder settings. Saved as one file ({@link WekaModelFile}).
 * Thread-safe for classification: the classifier is only read.
 */
public final class WekaModel {

	private final Classifier classifier;
	private final Instances header;
	private final FeatureSettings features;
	private final ClassScheme scheme;
	private final HounsfieldWindow window;
	private final int bitDepth;
	private final InstanceDecoder.Settings decoder;
	private final Map<String, String> training;
	private final FeatureBank bank;
	/** The classifier in flat arrays when it is a random forest (same numbers, faster); else null. */
	private final CompiledForest forest;

	WekaModel(final Classifier classifier, final Instances header, final FeatureSettings features,
		final ClassScheme scheme, final HounsfieldWindow window, final int bitDepth,
		final InstanceDecoder.Settings decoder, final Map<String, String> training)
	{
		this.classifier = classifier;
		this.header = header;
		this.features = features;
		this.scheme = scheme;
		this.window = window;
		this.bitDepth = bitDepth;
		this.decoder = decoder;
		this.training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
		this.bank = new FeatureBank(features);
		requireConsistent();
		this.forest = CompiledForest.compile(classifier, header);
	}

	/** Checks that the classifier's attributes are the features and classes these settings produce. */
	private void requireConsistent() {
		final List<String> names = bank.names();
		if (header.numAttributes() != names.size() + 1 || header.classIndex() != names.size())
			throw new IllegalArgumentException("the classifier expects " + (header.numAttributes() - 1) +
				" features but the feature settings give " + names.size());
		for (int a = 0; a < names.size(); a++)
			if (!header.attribute(a).name().equals(names.get(a))) throw new IllegalArgumentException("feature " + a +
				" is '" + header.attribute(a).name() + "' in the classifier but '" + names.get(a) + "' in the settings");
		if (header.classAttribute().numValues() != scheme.classCount()) throw new IllegalArgumentException(
			"the classifier has " + header.classAttribute().numValues() + " classes but the scheme '" + scheme.key() +
				"' has " + scheme.classCount());
	}

	/** Writes the model to one file (atomically: a failure leaves no partial file). */
	public void save(final File file) {
		WekaModelFile.write(this, file);
	}

	/** Reads a model file; a missing, wrong, newer or damaged file gives a UserInputException naming it. */
	public static WekaModel load(final File file) {
		return WekaModelFile.read(file);
	}

	/** This model with other decoder settings (the classifier is shared). */
	public WekaModel withDecoder(final InstanceDecoder.Settings settings) {
		return new WekaModel(classifier, header, features, scheme, window, bitDepth, settings, training);
	}

	public Classifier classifier() {
		return classifier;
	}

	/** The classifier's attributes (features, then the class), without data. */
	Instances header() {
		return header;
	}

	public FeatureSettings features() {
		return features;
	}

	public ClassScheme scheme() {
		return scheme;
	}

	/** The intensity window the model was trained with, in HU: it applies to CT of any encoding. */
	public HounsfieldWindow window() {
		return window;
	}

	/** Bit depth of the training CT, for the record. */
	public int bitDepth() {
		return bitDepth;
	}

	public InstanceDecoder.Settings decoder() {
		return decoder;
	}

	/** What the model was trained on and with (slices, pixels, seed, classifier options), for the record. */
	public Map<String, String> training() {
		return training;
	}

	/**
	 * Class probabilities of every pixel of one slice (windowed intensities in [0, 1]), as
	 * {@code probabilities[InstanceTargets class][pixel]}; classes the scheme does not learn get 0.
	 */
	public float[][] probabilities(final float[] unit, final int width, final int height) {
		final float[][] planes = bank.compute(unit, width, height);
		final int n = width * height;
		final float[][] probabilities = new float[InstanceTargets.CLASS_COUNT][n];
		final double[] values = new double[planes.length + 1];
		final DenseInstance pixel = new DenseInstance(1, values);
		pixel.setDataset(header);
		final double[] compiled = new double[scheme.classCount()];
		for (int i = 0; i < n; i++) {
			boolean missing = false;
			for (int f = 0; f < planes.length; f++) {
				values[f] = planes[f][i];
				missing |= Double.isNaN(values[f]);
			}
			final double[] distribution;
			if (forest != null && !missing) {
				forest.distribution(values, compiled);
				distribution = compiled;
			}
			else distribution = distribution(pixel);
			for (int c = 0; c < distribution.length; c++)
				probabilities[scheme.target(c)][i] = (float) distribution[c];
		}
		return probabilities;
	}

	/** Weka's own class distribution for one pixel (the path for classifiers other than a random forest). */
	double[] distribution(final DenseInstance pixel) {
		try {
			return classifier.distributionForInstance(pixel);
		}
		catch (final Exception e) {
			throw new IllegalStateException("The Weka classifier failed on a pixel: " + e.getMessage(), e);
		}
	}
}
