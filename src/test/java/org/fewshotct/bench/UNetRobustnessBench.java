package org.fewshotct.bench;

import ij.ImagePlus;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.unet.UNetSegmenter;
import org.fewshotct.core.unet.UNetSettings;
import org.fewshotct.core.unet.UNetTrainer;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;

/**
 * The U-Net on a patient or protocol it was not trained on (issue 12), with default settings: supervised, and
 * semi-supervised with the scored slices' own raw images as {@code unlabelled} (same seed), beside Weka and the
 * baseline, all scored with the challenge metric on the same slices. Experiments, by name:
 * <ul>
 * <li>{@code same-scan}: ts_dicom_train slices 0-4 -> its slices 5-9;</li>
 * <li>{@code ts-ircadb1}: the 10 slices of ts_dicom_train -> the 33 of ircadb1 (another hospital, manual masks);</li>
 * <li>{@code ts-example}: ts_dicom_train -> the 112 of ts_example_ct (another scan);</li>
 * <li>{@code ircadb1}: ircadb1 000, 003, ..., 030 (11 slices) -> its other 22;</li>
 * <li>{@code ircadb1-shrunk}: the same 11 slices -> the other 22 resized to 0.73x about their centre, as a scan with
 * 0.78 mm pixels would show that anatomy (ircadb1's are 0.57 mm, the finest here);</li>
 * <li>{@code ircadb1-ts-organs}, {@code ircadb1-example-organs}: the same 11 slices -> ts_dicom_train,
 * ts_example_ct (other patients), and {@code ts-ircadb1-organs}: ts_dicom_train -> ircadb1, scored on the liver,
 * spleen and kidneys only, which both protocols draw alike: the patient the other-patient targets name
 * is not at hand;</li>
 * <li>{@code ircadb1-example-ircad}: the same 11 slices -> ts_example_ct with its labels drawn as IRCAD draws a
 * patient (organs, lungs, vessels, bone as one class), a stand-in for another patient of ircadb1's protocol
 * (though non-contrast, so its vessels barely show);</li>
 * <li>{@code ircadb1-patient}, {@code ts-patient}: the same 11 slices, and ts_dicom_train, -> another patient's set
 * folder named by {@code PATIENT} in the environment (laid out as ircadb1's: images/, labels/, semantic/ optional),
 * the patient of the other-patient targets where a copy is at hand.</li>
 * </ul>
 * Usage: UNetRobustnessBench DATA_ROOT OUT_DIR EXPERIMENT[,EXPERIMENT...] [EPOCHS [both|supervised|unlabelled
 * [KEY=VALUE...]]] (the fifth argument trains one of the two U-Nets only, to run them side by side in two processes;
 * the other's column then reads NaN; KEY=VALUE pairs change other settings, as in a model's unet.properties,
 * e.g. validation=0).
 */
public final class UNetRobustnessBench {

	private UNetRobustnessBench() {}

	private static final StringBuilder TABLE = new StringBuilder();
	private static String variants = "both";

	public static void main(final String[] args) throws Exception {
		final File data = new File(args[0]);
		final File out = new File(args[1]);
		final List<String> experiments = Arrays.asList(args[2].split(","));
		final Map<String, String> changed = UNetSettings.DEFAULT.toMap();
		if (args.length > 3) changed.put("epochs", args[3]);
		if (args.length > 4) variants = args[4];
		for (int k = 5; k < args.length; k++)
			changed.put(args[k].substring(0, args[k].indexOf('=')), args[k].substring(args[k].indexOf('=') + 1));
		final UNetSettings settings = UNetSettings.fromMap(changed);
		if (!settings.equals(UNetSettings.DEFAULT.withEpochs(settings.epochs()))) System.out.println("settings: " +
			settings);
		RealSets.runExperiments(data, experiments, (trainName, train, testName, test) -> run(trainName, train,
			testName, test, settings, out));
		System.out.printf("%n== mean ARI (truth > 0), %d epochs; U-Net+u: with the scored slices as unlabelled=%n" +
			"%-20s %-22s %6s %8s %8s %8s %9s %9s %9s%n%s", settings.epochs(), "trained on", "scored on", "slices", "U-Net",
			"U-Net+u", "Weka", "baseline", "train s", "train+u s", TABLE);
	}

	private static void run(final String trainName, final ImagePlus[] train, final String testName,
		final ImagePlus[] test, final UNetSettings settings, final File out)
	{
		final String stem = out + "/" + trainName.replace(' ', '_') + "-" + testName.replace(' ', '_');
		final double[] none = { Double.NaN, Double.NaN };
		final double[] supervised = variants.equals("unlabelled") ? none : unet(train, null, test, testName, settings,
			new File(stem + ".unet"));
		final double[] semi = variants.equals("supervised") ? none : unet(train, test[0], test, testName, settings,
			new File(stem + "+u.unet"));
		final WekaSegmenter weka = new WekaSegmenter(new WekaTrainer(WekaSettings.DEFAULT).train(train[0], train[1],
			Progress.NONE));
		TABLE.append(String.format("%-20s %-22s %6d %8.4f %8.4f %8.4f %9.4f %9.0f %9.0f%n", trainName, testName, test[0]
			.getStackSize(), supervised[0], semi[0], RealSets.score(weka, test, testName), RealSets.score(
				new BaselineSegmenter(BaselineSettings.DEFAULT, SliceParallel.defaultThreads()), test, testName),
			supervised[1], semi[1]));
	}

	/** {mean ARI, training seconds} of a U-Net trained with default settings (and unlabelled slices if given). */
	private static double[] unet(final ImagePlus[] train, final ImagePlus unlabelled, final ImagePlus[] test,
		final String testName, final UNetSettings settings, final File model)
	{
		final long t0 = System.nanoTime();
		final UNetTrainer.Result result = new UNetTrainer(settings).train(train[0], train[1], unlabelled, model,
			Progress.NONE, new UNetTrainer.Listener() {

				@Override
				public void message(final String text) {
					System.out.println(text);
				}
			});
		final double seconds = RealSets.seconds(t0);
		final int last = result.history.epochs() - 1;
		System.out.printf("unet%s: %d epochs in %.1f s; loss %.4f, validation loss %.4f%n", unlabelled != null ? "+u"
			: "", result.epochsRun, seconds, result.history.training().get(last), result.history.validation().get(last));
		try (UNetSegmenter unet = UNetSegmenter.load(model)) {
			return new double[] { RealSets.score(unet, test, testName), seconds };
		}
	}
}
