package org.fewshotct.core.weka;

import ij.ImagePlus;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.Progress;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UnlabelledCt;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.InstanceDecoder;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.trees.RandomForest;
import weka.core.Instances;
import weka.core.Randomizable;
import weka.core.Utils;

/**
 * Trains a Weka pixel classifier from a CT stack and its instance label stack (labels 0 = background; slices
 * without labels are skipped, so K = 1 labelled slice is enough). Unlike Trainable Weka Segmentation it needs
 * no window, seeds everything (same inputs and seed give the same model), and reads slices one at a time.
 */
public final class WekaTrainer {

	private final WekaSettings settings;

	/** Refuses an unknown classifier class or bad classifier options at once, before any work. */
	public WekaTrainer(final WekaSettings settings) {
		this.settings = settings;
		newClassifier();
	}

	public WekaSettings settings() {
		return settings;
	}

	/** Samples the training pixels of the labelled slices (features computed in parallel, slice by slice). */
	public TrainingData sample(final ImagePlus ct, final ImagePlus labels, final Progress progress) {
		return TrainingSampler.sample(ct, labels, settings, progress);
	}

	/**
	 * Samples the labelled slices and, with {@code unlabelledCt} (null: none), learns from those raw slices too by
	 * self-training: a model trained on the labelled samples segments them as Apply Weka Few-Shot would (same
	 * decoder, same body mask), and their pixels are sampled with those labels through the same features and HU
	 * window, each stack read through its own calibration (the stacks may differ in encoding). Every input is
	 * checked before any work; progress runs once across both passes and cancel works in both.
	 */
	public TrainingData sample(final ImagePlus ct, final ImagePlus labels, final ImagePlus unlabelledCt,
		final Progress progress)
	{
		if (unlabelledCt == null) return sample(ct, labels, progress);
		Stacks.requireCt(ct, "CT");
		Stacks.requireLabels(labels, "labels");
		UnlabelledCt.require(unlabelledCt, ct);
		if (unlabelledCt == ct || unlabelledCt.getStack() == ct.getStack())
			throw new UserInputException("The unlabelled slices '" + unlabelledCt.getTitle() + "' are the CT '" + ct
				.getTitle() + "' itself: Weka would relearn the labelled slices from its own labels; give the slices " +
				"without masks as a stack of their own");
		final int n = unlabelledCt.getStackSize();
		final int total = labels.getStackSize() + 2 * n;
		final TrainingData labelled = sample(ct, labels, progress.part(0, total));
		final WekaModel teacher = train(labelled, progress);
		progress.status("segmenting " + n + " unlabelled slices with the model of the labelled ones");
		// The teacher keeps its lesions in their organs and its bones and lungs as it cut them, as the U-Net's does
		// (its self-training was measured so): no step that splits or joins instances after the seeds have grown, but
		// the fat planes where its model splits along them.
		final InstanceDecoder.Settings asCut = teacher.decoder().withoutRefinements().withSplitFatPlanes(teacher
			.decoder().splitFatPlanes());
		final ImagePlus selfLabels = new WekaSegmenter(teacher.withDecoder(asCut), settings.threads()).segment(
			unlabelledCt, progress.part(labels.getStackSize(), total));
		// A model that finds no structure anywhere in them leaves nothing to learn from them.
		if (TrainingSampler.labelledSlices(selfLabels).length == 0) return labelled.withSelfLabelled(new Instances(
			labelled.instances(), 0), n);
		final TrainingData selfLabelled = TrainingSampler.sample(unlabelledCt, selfLabels, settings, progress.part(
			labels.getStackSize() + n, total));
		return labelled.withSelfLabelled(selfLabelled.instances(), n);
	}

	/** Samples and trains in one go. */
	public WekaModel train(final ImagePlus ct, final ImagePlus labels, final Progress progress) {
		return train(sample(ct, labels, progress), progress);
	}

	/** Samples (learning from {@code unlabelledCt} too, null: none, see {@link #sample}) and trains in one go. */
	public WekaModel train(final ImagePlus ct, final ImagePlus labels, final ImagePlus unlabelledCt,
		final Progress progress)
	{
		return train(sample(ct, labels, unlabelledCt, progress), progress);
	}

	/** Trains on samples from {@link #sample}. */
	public WekaModel train(final TrainingData data, final Progress progress) {
		final Classifier classifier = newClassifier();
		progress.status("training on " + data.instances().numInstances() + " pixels of " + data.slices().length +
			" slices");
		build(classifier, data, progress);
		return new WekaModel(classifier, TrainingSampler.header(settings.features().planeNames(), settings.scheme(),
			0), settings.features(), settings.scheme(), data.window(), data.bitDepth(), settings.decoder(), summary(
				data));
	}

	/** The classifier the settings name, unbuilt. */
	private Classifier newClassifier() {
		if (settings.classifier().isEmpty()) {
			final RandomForest forest = new RandomForest();
			forest.setNumIterations(settings.trees());
			forest.setNumFeatures(settings.featuresPerNode());
			forest.setMaxDepth(settings.maxDepth());
			forest.setSeed(settings.seed());
			forest.setNumExecutionSlots(settings.threads());
			return forest;
		}
		final Classifier classifier;
		try {
			classifier = AbstractClassifier.forName(settings.classifier(), Utils.splitOptions(settings
				.classifierOptions()));
		}
		catch (final Exception e) {
			throw new UserInputException("Cannot create the Weka classifier '" + settings.classifier() +
				"' with options '" + settings.classifierOptions() + "': " + e.getMessage(), e);
		}
		if (classifier instanceof Randomizable) ((Randomizable) classifier).setSeed(settings.seed());
		return classifier;
	}

	/**
	 * Builds the classifier on a worker thread and polls for cancel meanwhile (Weka's own loops do not look). On
	 * cancel the worker is interrupted and left to wind down; nothing is returned.
	 */
	private static void build(final Classifier classifier, final TrainingData data, final Progress progress) {
		final FutureTask<Void> task = new FutureTask<>(() -> {
			classifier.buildClassifier(data.instances());
			return null;
		});
		final Thread worker = new Thread(task, "few-shot-ct-weka-training");
		worker.setDaemon(true);
		worker.start();
		while (true) {
			try {
				task.get(200, TimeUnit.MILLISECONDS);
				return;
			}
			catch (final TimeoutException e) {
				if (progress.isCancelled()) {
					worker.interrupt();
					throw new CancelledException();
				}
			}
			catch (final InterruptedException e) {
				worker.interrupt();
				Thread.currentThread().interrupt();
				throw new CancelledException();
			}
			catch (final ExecutionException e) {
				final Throwable cause = e.getCause();
				if (cause instanceof RuntimeException) throw (RuntimeException) cause;
				if (cause instanceof Error) throw (Error) cause;
				throw new UserInputException("The Weka classifier failed to train: " + cause.getMessage(), cause);
			}
		}
	}

	private Map<String, String> summary(final TrainingData data) {
		final Map<String, String> summary = new LinkedHashMap<>();
		summary.put("slices", Arrays.toString(data.slices()));
		summary.put("pixels", Integer.toString(data.instances().numInstances()));
		if (data.unlabelledSlices() > 0) summary.put("unlabelled_slices", Integer.toString(data.unlabelledSlices()));
		summary.put("samples_per_class", Integer.toString(settings.samplesPerClass()));
		summary.put("boundary_width", Integer.toString(settings.boundaryWidth()));
		summary.put("seed", Integer.toString(settings.seed()));
		summary.put("classifier", settings.classifier().isEmpty() ? "weka.classifiers.trees.RandomForest"
			: settings.classifier());
		summary.put("classifier_options", settings.classifier().isEmpty() ? "-I " + settings.trees() + " -K " + settings
			.featuresPerNode() + " -depth " + settings.maxDepth() + " -S " + settings.seed() : settings
				.classifierOptions());
		return summary;
	}
}
