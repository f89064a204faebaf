package org.fewshotct.bench;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.metric.RandIndex;
import org.fewshotct.core.metric.StackRandIndex;
import org.fewshotct.core.unet.UNetSegmenter;
import org.fewshotct.core.unet.UNetSettings;
import org.fewshotct.core.unet.UNetTrainer;

/**
 * U-Net quality on the real CT of {@code ../shared/data/real-ct}, with default settings (or more epochs):
 * <ol>
 * <li>train on the 10 slices of ts_dicom_train (one held out for the validation loss); score that held-out
 * slice and the 112 slices of the other scan, ts_example_ct;</li>
 * <li>train on 10 slices of ts_example_ct spread evenly through it; score its other 102 slices and the other
 * scan, ts_dicom_train.</li>
 * </ol>
 * The Sobel-watershed baseline is scored on the same slices. Writes the file names of each scored set to
 * OUT/NAME.slices, for other methods to score the same slices.
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
		final ImagePlus[] dicom = read(new File(data, "ts_dicom_train"));
		final ImagePlus[] example = read(new File(data, "ts_example_ct"));

		final int held = 5; // the slice UNetTrainer holds out of 10 with validation 0.1
		final File dicomModel = train(dicom[0], dicom[1], new File(out, "ts_dicom_train.unet"), settings);
		score(dicomModel, subset(dicom, new int[] { held }), "ts_dicom_train-heldout", out);
		score(dicomModel, example, "ts_example_ct-all", out);

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
		final ImagePlus[] ten = subset(example, picked);
		final File exampleModel = train(ten[0], ten[1], new File(out, "ts_example_ct-10.unet"), settings);
		score(exampleModel, subset(example, rest), "ts_example_ct-heldout", out);
		score(exampleModel, dicom, "ts_dicom_train-all", out);
		System.out.printf("%n== mean ARI (truth > 0); the ts_dicom_train model scores the first two rows, the " +
			"ts_example_ct one the last two%n%-24s %6s %8s %9s%n%s", "scored slices", "count", "U-Net", "baseline", TABLE);
	}

	private static File train(final ImagePlus ct, final ImagePlus labels, final File model,
		final UNetSettings settings)
	{
		final long t0 = System.nanoTime();
		final UNetTrainer.Result result = new UNetTrainer(settings).train(ct, labels, model, Progress.NONE,
			new UNetTrainer.Listener() {

				@Override
				public void message(final String text) {
					System.out.println(text);
				}
			});
		final int last = result.history.epochs() - 1;
		System.out.printf("unet train %s: %d slices, %d epochs in %.1f s (%.2f tiles/s in training steps); loss %.4f, " +
			"validation loss %.4f%n", model.getName(), ct.getStackSize(), result.epochsRun, (System.nanoTime() - t0) / 1e9,
			result.tiles / result.trainingSeconds, result.history.training().get(last), result.history.validation().get(
				last));
		return model;
	}

	private static void score(final File model, final ImagePlus[] stacks, final String name, final File out)
		throws Exception
	{
		final double unet;
		try (UNetSegmenter segmenter = UNetSegmenter.load(model)) {
			unet = score(segmenter, stacks, name);
		}
		final double baseline = score(new BaselineSegmenter(BaselineSettings.DEFAULT, SliceParallel.defaultThreads()),
			stacks, name);
		TABLE.append(String.format("%-24s %6d %8.4f %9.4f%n", name, stacks[0].getStackSize(), unet, baseline));
		try (PrintWriter names = new PrintWriter(new File(out, name + ".slices"), StandardCharsets.UTF_8.name())) {
			for (int s = 1; s <= stacks[0].getStackSize(); s++)
				names.println(stacks[0].getStack().getSliceLabel(s));
		}
	}

	private static double score(final StackSegmenter segmenter, final ImagePlus[] stacks, final String name) {
		final long t0 = System.nanoTime();
		final ImagePlus prediction = segmenter.segment(stacks[0], Progress.NONE);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		final RandIndex.Score[] scores = StackRandIndex.score(stacks[1], prediction, SliceParallel.defaultThreads(),
			Progress.NONE);
		final double mean = StackRandIndex.meanAdjusted(scores);
		System.out.printf("%s score %s: mean ARI %.4f over %d slices (segmented in %.1f s, %.2f slices/s)%n", segmenter
			.name(), name, mean, scores.length, seconds, scores.length / seconds);
		return mean;
	}

	private static ImagePlus[] read(final File set) {
		return new ImagePlus[] { SliceFolderReader.read(new File(set, "images"), Progress.NONE), SliceFolderReader.read(
			new File(set, "labels"), Progress.NONE) };
	}

	private static ImagePlus[] subset(final ImagePlus[] stacks, final int[] slices) {
		final ImagePlus[] out = new ImagePlus[stacks.length];
		for (int k = 0; k < stacks.length; k++) {
			final ImageStack source = stacks[k].getStack();
			final ImageStack stack = new ImageStack(source.getWidth(), source.getHeight());
			for (final int s : slices)
				stack.addSlice(source.getSliceLabel(s + 1), source.getPixels(s + 1));
			out[k] = new ImagePlus(stacks[k].getTitle(), stack);
		}
		return out;
	}
}
