package org.fewshotct.bench;

import ij.ImagePlus;

import java.io.File;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.metric.StackRandIndex;
import org.fewshotct.core.unet.UNetSegmenter;
import org.fewshotct.core.unet.UNetSettings;
import org.fewshotct.core.unet.UNetTrainer;

/**
 * One U-Net recipe on one train/test pair of slice folders (images/ and labels/ in each), for finding the
 * main job's recipe and directions on real data: trains, segments, prints the mean ARI and the seconds.
 * Usage: UNetRecipeProbe TRAIN_DIR TEST_DIR OUT_DIR key=value... (epochs width tile batch depth lr unlabelled=true)
 */
public final class UNetRecipeProbe {

	private UNetRecipeProbe() {}

	public static void main(final String[] args) {
		final File train = new File(args[0]);
		final File test = new File(args[1]);
		UNetSettings settings = UNetSettings.DEFAULT;
		boolean unlabelled = false;
		for (int a = 3; a < args.length; a++) {
			final String[] kv = args[a].split("=");
			switch (kv[0]) {
				case "epochs": settings = settings.withEpochs(Integer.parseInt(kv[1])); break;
				case "width": settings = settings.withWidth(Integer.parseInt(kv[1])); break;
				case "tile": settings = settings.withTile(Integer.parseInt(kv[1])); break;
				case "batch": settings = settings.withBatch(Integer.parseInt(kv[1])); break;
				case "depth": settings = settings.withDepth(Integer.parseInt(kv[1])); break;
				case "lr": settings = settings.withLearningRate(Double.parseDouble(kv[1])); break;
				case "validation": settings = settings.withValidation(Double.parseDouble(kv[1])); break;
				case "unlabelled": unlabelled = Boolean.parseBoolean(kv[1]); break;
				default: throw new IllegalArgumentException(args[a]);
			}
		}
		final ImagePlus trainCt = SliceFolderReader.read(new File(train, "images"), Progress.NONE);
		final ImagePlus trainLabels = SliceFolderReader.read(new File(train, "labels"), Progress.NONE);
		final ImagePlus testCt = SliceFolderReader.read(new File(test, "images"), Progress.NONE);
		final ImagePlus testLabels = SliceFolderReader.read(new File(test, "labels"), Progress.NONE);
		final File model = new File(args[2]);
		long t0 = System.nanoTime();
		final UNetTrainer.Result result = new UNetTrainer(settings).train(trainCt, trainLabels, unlabelled ? testCt
			: null, model, Progress.NONE, new UNetTrainer.Listener() {

				@Override
				public void message(final String text) {
					System.out.println(text);
				}
			});
		final double trainSeconds = (System.nanoTime() - t0) / 1e9;
		t0 = System.nanoTime();
		try (UNetSegmenter segmenter = UNetSegmenter.load(model)) {
			final ImagePlus labels = segmenter.segment(testCt, Progress.NONE);
			final double ari = StackRandIndex.meanAdjusted(StackRandIndex.score(testLabels, labels, SliceParallel
				.defaultThreads(), Progress.NONE));
			System.out.printf("recipe %s unlabelled=%s: train %.1f s (%d tiles), segment %.1f s, mean ARI %.4f%n",
				String.join(" ", java.util.Arrays.copyOfRange(args, 3, args.length)), unlabelled, trainSeconds,
				result.tiles, (System.nanoTime() - t0) / 1e9, ari);
		}
	}
}
