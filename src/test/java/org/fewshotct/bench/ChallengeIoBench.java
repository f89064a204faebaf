package org.fewshotct.bench;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.io.ChallengeCsvReader;
import org.fewshotct.core.io.ChallengeCsvWriter;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.metric.RandIndex;
import org.fewshotct.core.metric.StackRandIndex;

/**
 * Times the challenge CSV export and import and the Rand index over a stack made by repeating a folder of
 * label slices, as {@code bench/challenge-io.sh} compares them with pandas and scikit-learn.
 * Usage: ChallengeIoBench LABELS_DIR PREDICTION_DIR REPEAT OUT.csv
 */
public final class ChallengeIoBench {

	private ChallengeIoBench() {}

	public static void main(final String[] args) throws Exception {
		final int repeat = Integer.parseInt(args[2]);
		final ImagePlus truth = repeated(SliceFolderReader.read(new File(args[0]), Progress.NONE), repeat);
		final ImagePlus prediction = repeated(SliceFolderReader.read(new File(args[1]), Progress.NONE), repeat);
		final File csv = new File(args[3]);
		final int threads = SliceParallel.defaultThreads();

		// First calls in a fresh JVM: the JIT has compiled nothing and the heap has yet to grow.
		long t0 = System.nanoTime();
		ChallengeCsvWriter.write(truth, csv, threads, Progress.NONE);
		final double firstWrite = seconds(t0);
		t0 = System.nanoTime();
		ImagePlus read = ChallengeCsvReader.read(csv, 0, 0, threads, Progress.NONE);
		final double firstRead = seconds(t0);
		// Second calls, as in a Fiji session that has run before.
		read = null;
		t0 = System.nanoTime();
		ChallengeCsvWriter.write(truth, csv, threads, Progress.NONE);
		final double write = seconds(t0);
		t0 = System.nanoTime();
		read = ChallengeCsvReader.read(csv, 0, 0, threads, Progress.NONE);
		final double readSeconds = seconds(t0);

		// The metric after one warm-up pass.
		StackRandIndex.score(truth, prediction, threads, Progress.NONE);
		t0 = System.nanoTime();
		final RandIndex.Score[] scores = StackRandIndex.score(truth, prediction, threads, Progress.NONE);
		final double metric = seconds(t0);

		long checksum = 0;
		for (int s = 1; s <= read.getStackSize(); s++)
			for (final short v : (short[]) read.getStack().getPixels(s))
				checksum += v & 0xffff;
		System.out.printf("java write seconds %.4f (first call %.4f) for %d slices%n", write, firstWrite, truth
			.getStackSize());
		System.out.printf("java read seconds %.4f (first call %.4f) for %d slices; checksum %d%n", readSeconds,
			firstRead, read.getStackSize(), checksum);
		System.out.printf("java metric seconds %.4f; mean ARI %.12f%n", metric, StackRandIndex.meanAdjusted(scores));
	}

	/** The slices repeated, each copy its own pixel array as in a stack of that many distinct slices. */
	private static ImagePlus repeated(final ImagePlus image, final int repeat) {
		final ImageStack source = image.getStack();
		final ImageStack stack = new ImageStack(source.getWidth(), source.getHeight());
		for (int r = 0; r < repeat; r++)
			for (int s = 1; s <= source.getSize(); s++)
				stack.addSlice(source.getSliceLabel(s) + "-" + r, source.getProcessor(s).duplicate().getPixels());
		return new ImagePlus(image.getTitle(), stack);
	}

	private static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
