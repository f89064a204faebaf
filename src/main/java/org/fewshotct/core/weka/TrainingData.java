package org.fewshotct.core.weka;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.AtomicOutput;

import weka.core.Instances;
import weka.core.converters.ArffSaver;

/**
 * The pixels sampled for training (one Weka instance per pixel: its features and its class) and how the CT was
 * read: the intensity window in HU, which the model must reproduce when it is applied, and the bit depth. With
 * slices without masks, their pixels too, labelled by a model trained on the labelled slices.
 */
public final class TrainingData {

	private final Instances instances;
	private final HounsfieldWindow window;
	private final int bitDepth;
	private final int[] slices;
	private final int unlabelledSlices;

	TrainingData(final Instances instances, final HounsfieldWindow window, final int bitDepth, final int[] slices) {
		this(instances, window, bitDepth, slices, 0);
	}

	private TrainingData(final Instances instances, final HounsfieldWindow window, final int bitDepth,
		final int[] slices, final int unlabelledSlices)
	{
		this.instances = instances;
		this.window = window;
		this.bitDepth = bitDepth;
		this.slices = slices.clone();
		this.unlabelledSlices = unlabelledSlices;
	}

	/**
	 * These samples followed by {@code selfLabelled}, drawn from {@code unlabelledSlices} slices without masks
	 * labelled by a model (same features and classes); the window, bit depth and labelled slices stay these.
	 */
	TrainingData withSelfLabelled(final Instances selfLabelled, final int unlabelledSlices) {
		final Instances merged = new Instances(instances, instances.numInstances() + selfLabelled.numInstances());
		merged.addAll(instances);
		merged.addAll(selfLabelled);
		return new TrainingData(merged, window, bitDepth, slices, unlabelledSlices);
	}

	/** The sampled pixels; the last attribute is the class. Shared, not copied: do not modify. */
	public Instances instances() {
		return instances;
	}

	/** The window the CT was read through, in HU. */
	public HounsfieldWindow window() {
		return window;
	}

	/** Bit depth of the CT the samples came from. */
	public int bitDepth() {
		return bitDepth;
	}

	/** The 1-based CT slices that had labels and were sampled. */
	public int[] slices() {
		return slices.clone();
	}

	/** How many slices without masks the samples also came from (0: none, the labelled slices alone). */
	public int unlabelledSlices() {
		return unlabelledSlices;
	}

	/** Writes the samples as an ARFF file for Weka's Explorer (atomically: a failure leaves no partial file). */
	public void saveArff(final File file) {
		try {
			AtomicOutput.write(file, path -> {
				final ArffSaver saver = new ArffSaver();
				saver.setInstances(instances);
				saver.setFile(path.toFile());
				saver.writeBatch();
			});
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot write the ARFF file " + file + ": " + e.getMessage(), e);
		}
	}
}
