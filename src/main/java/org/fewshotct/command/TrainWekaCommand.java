package org.fewshotct.command;

import ij.IJ;
import ij.ImagePlus;

import java.io.File;

import org.fewshotct.core.features.FeatureSettings;
import org.fewshotct.core.io.OutputPaths;
import org.fewshotct.core.weka.ClassScheme;
import org.fewshotct.core.weka.TrainingData;
import org.fewshotct.core.weka.WekaModel;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Trains a seeded Weka pixel classifier on a filter bank from a few labelled CT slices (slices whose labels are
 * empty are skipped) and writes it as one model file. Headless and reproducible: the same inputs and seed give
 * the same model. With {@code unlabelled}, raw slices without masks are learned from too: the model of the
 * labelled slices segments them and the final model trains on both.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Train Weka Few-Shot")
public class TrainWekaCommand extends SuiteCommand {

	@Parameter(label = "ct", description = "CT stack", persist = false, autoFill = false)
	private ImagePlus ct;

	@Parameter(label = "labels",
		description = "Instance labels: a slice per CT slice, or fewer slices paired with the CT slices of the same name (all-0 slices are skipped)", persist = false, autoFill = false)
	private ImagePlus labels;

	@Parameter(label = "unlabelled", required = false, persist = false, autoFill = false,
		description = "Optional raw CT slices without masks to learn from too (self-training; same slice size): helps on another hospital or protocol, not within the labelled scan")
	private ImagePlus unlabelled;

	@Parameter(label = "model", style = "save", description = "Model file to write", persist = false)
	private File model;

	@Parameter(label = "trees", required = false, min = "1", description = "Trees of the random forest", persist = false)
	private int trees = WekaSettings.DEFAULT.trees();

	@Parameter(label = "samples", required = false, min = "1",
		description = "Pixels sampled per class and labelled slice", persist = false)
	private int samples = WekaSettings.DEFAULT.samplesPerClass();

	@Parameter(label = "seed", required = false, description = "Seed of the sampling and the forest", persist = false)
	private int seed = WekaSettings.DEFAULT.seed();

	@Parameter(label = "features", required = false,
		description = "Comma-separated feature families: original, gaussian, gradient, hessian, dog, membrane, windows, mean, variance", persist = false)
	private String features = FeatureSettings.DEFAULT.names();

	@Parameter(label = "boundary", required = false, min = "1",
		description = "Boundary width in pixels: structure pixels this close to another label or background", persist = false)
	private int boundary = WekaSettings.DEFAULT.boundaryWidth();

	@Parameter(label = "scheme", required = false, choices = { "full", "structures" },
		description = "Classes: full (background, interior, boundary) or structures (interior, boundary only)", persist = false)
	private String scheme = WekaSettings.DEFAULT.scheme().key();

	@Parameter(label = "classifier", required = false,
		description = "A Weka classifier class name instead of the random forest (empty = random forest)", persist = false)
	private String classifier = "";

	@Parameter(label = "classifier_args", required = false,
		description = "Weka options of that classifier", persist = false)
	private String classifier_args = "";

	@Parameter(label = "arff", required = false, style = "save",
		description = "Optional ARFF file of the sampled training pixels, for Weka's Explorer", persist = false)
	private File arff;

	@Override
	protected void execute() {
		final WekaSettings settings = WekaSettings.DEFAULT.withTrees(trees).withSamplesPerClass(samples).withSeed(seed)
			.withFeatures(FeatureSettings.parse(features)).withBoundaryWidth(boundary).withScheme(ClassScheme.byKey(
				scheme)).withClassifier(classifier, classifier_args);
		final WekaTrainer trainer = new WekaTrainer(settings);
		final boolean writeArff = arff != null && !arff.getPath().isEmpty();
		OutputPaths.requireFile(model, OpenImages.all());
		if (writeArff) OutputPaths.requireFile(arff, OpenImages.all());
		final ImageJProgress progress = new ImageJProgress("Train Weka Few-Shot");
		final TrainingData data = trainer.sample(ct, labels, unlabelled, progress);
		if (writeArff) data.saveArff(arff);
		final WekaModel trained = trainer.train(data, progress);
		trained.save(model);
		IJ.showProgress(1.0);
		IJ.log(String.format("Train Weka Few-Shot: %d pixels of %d labelled slices%s, %d features -> %s", data
			.instances().numInstances(), data.slices().length, data.unlabelledSlices() > 0 ? " and " + data
				.unlabelledSlices() + " unlabelled slices" : "", data.instances().numAttributes() - 1, model));
	}
}
