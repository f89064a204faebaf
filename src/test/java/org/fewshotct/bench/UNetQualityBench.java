package org.fewshotct.bench;

import ij.ImagePlus;

import java.io.File;

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
 * U-Net quality on the real CT of {@code ../shared/data/real-ct} with default settings (or more epochs), next
 * to the Weka method (default settings, trained on the same slices) and the Sobel-watershed baseline, all
 * scored on the same slices with the challenge metric:
 * <ol>
 * <li>train on slices 0-4 of ts_dicom_train, score its slices 5-9 (unseen slices of the same scan);</li>
 * <li>train on the 10 slices of ts_dicom_train, score the 112 slices of ts_example_ct (another scan);</li>
 * <li>train on 10 slices of ts_example_ct spread evenly through it, score its other 102 slices and the other
 * scan, ts_dicom_train.</li>
 * </ol>
 * The U-Net holds out one tenth of its training slices (at least one) for its validation loss and decoder
 * tuning; the Weka method learns from all of them.
 * Usage: UNetQualityBench DATA_ROOT OUT_DIR [EPOCHS]
 */
public final class UNetQualityBench {

	private UNetQualityBench() {}

	private static final StringBuilder TABLE = new StringBuilder();

	public static void main(final String[] args) throws Exception {
		final File data = new File(args[0]);
		final File out = new File(args[1]);
		final UNetSettings settings = args.length > 2 ? UNetSettings.DEFAULT.withEpochs(Integer.parseInt(args[2]))
			: UNetSettings.DEFAULT;
		final ImagePlus[] dicom = RealSets.read(new File(data, "ts_dicom_train"), false);
		final ImagePlus[] example = RealSets.read(new File(data, "ts_example_ct"), false);

		experiment("ts_dicom_train 0-4", RealSets.subset(dicom, RealSets.range(0, 5)), settings, out, "ts_dicom_train 5-9", RealSets.subset(dicom,
			RealSets.range(5, 10)));
		experiment("ts_dicom_train", dicom, settings, out, "ts_example_ct (all)", example);
		final int n = example[0].getStackSize();
		final int[] picked = new int[10];
		final boolean[] isPicked = new boolean[n];
		for (int k = 0; k < picked.length; k++) {
			picked[k] = (int) ((k + 0.5) * n / picked.length);
			isPicked[picked[k]] = true;
		}
		final int[] rest = new int[n - picked.length];
		for (int i = 0, r = 0; i < n; i++)
			if (!isPicked[i]) rest[r++] = i;
		experiment("ts_example_ct 10", RealSets.subset(example, picked), settings, out, "ts_example_ct other 102", RealSets.subset(
			example, rest), "ts_dicom_train (all)", dicom);
		System.out.printf("%n== mean ARI (truth > 0) on unseen slices%n%-20s %-24s %6s %8s %8s %9s%n%s", "trained on",
			"scored on", "slices", "U-Net", "Weka", "baseline", TABLE);
	}

	/** Trains both methods on one stack and scores them and the baseline on each test stack (name, stacks...). */
	private static void experiment(final String trainName, final ImagePlus[] train, final UNetSettings settings,
		final File out, final Object... tests) throws Exception
	{
		final File model = new File(out, trainName.replace(' ', '_') + ".unet");
		long t0 = System.nanoTime();
		final UNetTrainer.Result result = new UNetTrainer(settings).train(train[0], train[1], model, Progress.NONE,
			new UNetTrainer.Listener() {

				@Override
				public void message(final String text) {
					System.out.println(text);
				}
			});
		final int last = result.history.epochs() - 1;
		System.out.printf("unet trained on %s: %d slices, %d epochs in %.1f s (%.2f tiles/s in training steps); " +
			"loss %.4f, validation loss %.4f%n", trainName, train[0].getStackSize(), result.epochsRun, RealSets.seconds(t0), result
				.tiles / result.trainingSeconds, result.history.training().get(last), result.history.validation().get(last));
		t0 = System.nanoTime();
		final WekaSegmenter weka = new WekaSegmenter(new WekaTrainer(WekaSettings.DEFAULT).train(train[0], train[1],
			Progress.NONE));
		System.out.printf("weka trained on %s in %.1f s%n", trainName, RealSets.seconds(t0));
		try (UNetSegmenter unet = UNetSegmenter.load(model)) {
			for (int t = 0; t < tests.length; t += 2) {
				final String name = (String) tests[t];
				final ImagePlus[] test = (ImagePlus[]) tests[t + 1];
				TABLE.append(String.format("%-20s %-24s %6d %8.4f %8.4f %9.4f%n", trainName, name, test[0].getStackSize(),
					RealSets.score(unet, test, name), RealSets.score(weka, test, name), RealSets.score(new BaselineSegmenter(BaselineSettings.DEFAULT,
						SliceParallel.defaultThreads()), test, name)));
			}
		}
	}
}
