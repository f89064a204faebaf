package org.fewshotct.bench;

import ij.ImagePlus;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.fewshotct.core.Progress;
import org.fewshotct.core.weka.WekaModel;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;

/**
 * Does Weka learn from unlabelled slices (issue 12)? Train Weka Few-Shot's {@code unlabelled=} (plain
 * self-training, {@link WekaTrainer#train(ImagePlus, ImagePlus, ImagePlus, Progress)}) given the very slices to be
 * scored, as the U-Net's {@code unlabelled=} is measured, beside the supervised model.
 * Both are scored on the same slices with the challenge metric. Experiments as in {@link UNetRobustnessBench}.
 * Usage: WekaUnlabelledBench DATA_ROOT EXPERIMENT[,EXPERIMENT...]
 */
public final class WekaUnlabelledBench {

	private WekaUnlabelledBench() {}

	public static void main(final String[] args) {
		final File data = new File(args[0]);
		final List<String> experiments = Arrays.asList(args[1].split(","));
		final StringBuilder table = new StringBuilder();
		RealSets.runExperiments(data, experiments, (trainName, train, testName, test) -> table.append(run(trainName,
			train, testName, test)));
		System.out.printf("%n== Weka mean ARI (truth > 0); self-trained: with the scored slices' own Weka labels%n" +
			"%-20s %-22s %6s %8s %12s%n%s", "trained on", "scored on", "slices", "Weka", "self-trained", table);
	}

	private static String run(final String trainName, final ImagePlus[] train, final String testName,
		final ImagePlus[] test)
	{
		final WekaTrainer trainer = new WekaTrainer(WekaSettings.DEFAULT);
		final WekaModel supervised = trainer.train(train[0], train[1], Progress.NONE);
		final double before = RealSets.score(new WekaSegmenter(supervised), test, testName);
		final WekaModel selfTrained = trainer.train(train[0], train[1], test[0], Progress.NONE);
		final double after = RealSets.score(new WekaSegmenter(selfTrained), test, testName + " (self-trained)");
		return String.format("%-20s %-22s %6d %8.4f %12.4f%n", trainName, testName, test[0].getStackSize(), before,
			after);
	}
}
