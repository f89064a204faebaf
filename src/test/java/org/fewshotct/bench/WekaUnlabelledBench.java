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
		final ImagePlus[] dicom = RealSets.read(new File(data, "ts_dicom_train"), false);
		final ImagePlus[] ircadb1 = RealSets.read(new File(data, "ircadb1"), false);
		final StringBuilder table = new StringBuilder();
		for (final String experiment : experiments) {
			switch (experiment) {
				case "same-scan":
					table.append(run("ts_dicom_train 0-4", RealSets.subset(dicom, RealSets.range(0, 5)), "ts_dicom_train 5-9",
						RealSets.subset(dicom, RealSets.range(5, 10))));
					break;
				case "ts-ircadb1":
					table.append(run("ts_dicom_train", dicom, "ircadb1 (all)", ircadb1));
					break;
				case "ts-example":
					table.append(run("ts_dicom_train", dicom, "ts_example_ct (all)", RealSets.read(new File(data,
						"ts_example_ct"), false)));
					break;
				case "ircadb1":
					final int n = ircadb1[0].getStackSize();
					table.append(run("ircadb1 every 3rd", RealSets.subset(ircadb1, RealSets.every(n, 3, false)),
						"ircadb1 other 22", RealSets.subset(ircadb1, RealSets.every(n, 3, true))));
					break;
				default:
					throw new IllegalArgumentException("unknown experiment " + experiment);
			}
		}
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
