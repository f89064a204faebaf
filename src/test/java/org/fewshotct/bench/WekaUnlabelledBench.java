package org.fewshotct.bench;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.Progress;
import org.fewshotct.core.weka.WekaModel;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;

/**
 * Does Weka learn from unlabelled slices (issue 12)? Plain self-training, the simplest form: the model trained
 * on the labelled slices segments the unlabelled ones (here the very slices to be scored, as the U-Net's
 * {@code unlabelled=} is measured), and a second model trains on the labelled slices and those labels together.
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
		final ImagePlus pseudo = new WekaSegmenter(supervised).segment(test[0], Progress.NONE);
		final WekaModel selfTrained = trainer.train(huStack(train[0], test[0]), labelStack(train[1], pseudo),
			Progress.NONE);
		final double after = RealSets.score(new WekaSegmenter(selfTrained), test, testName + " (self-trained)");
		return String.format("%-20s %-22s %6d %8.4f %12.4f%n", trainName, testName, test[0].getStackSize(), before,
			after);
	}

	/** The slices of both CT stacks in HU as one 32-bit stack (their encodings may differ). */
	private static ImagePlus huStack(final ImagePlus first, final ImagePlus second) {
		final ImageStack stack = new ImageStack(first.getWidth(), first.getHeight());
		for (final ImagePlus ct : new ImagePlus[] { first, second }) {
			final HounsfieldScale scale = HounsfieldScale.of(ct);
			for (int s = 1; s <= ct.getStackSize(); s++) {
				final ImageProcessor ip = ct.getStack().getProcessor(s);
				final float[] hu = new float[ip.getPixelCount()];
				for (int i = 0; i < hu.length; i++)
					hu[i] = (float) scale.hu(ip.getf(i));
				stack.addSlice(null, new FloatProcessor(ct.getWidth(), ct.getHeight(), hu));
			}
		}
		return new ImagePlus("ct", stack);
	}

	/** Both label stacks as one 16-bit stack. */
	private static ImagePlus labelStack(final ImagePlus first, final ImagePlus second) {
		final ImageStack stack = new ImageStack(first.getWidth(), first.getHeight());
		for (final ImagePlus labels : new ImagePlus[] { first, second })
			for (int s = 1; s <= labels.getStackSize(); s++)
				stack.addSlice(null, labels.getStack().getProcessor(s).convertToShort(false));
		return new ImagePlus("labels", stack);
	}
}
