package org.fewshotct.bench;

import ij.ImagePlus;

import java.io.File;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.io.LabelSliceWriter;
import org.fewshotct.core.io.SliceFolderReader;

/**
 * The classical baseline as {@code bench/baseline.sh} times it against scikit-image's script: read a folder
 * of 8-bit slices, segment them, write 16-bit label PNGs (with the reader and writer of Open CT Slices and Save
 * Label Slices), exit; the shell times the whole process. With WARM_ROUNDS > 0 it then segments the stack
 * that many times more and reports the best, the per-slice time of a warm JIT as in a long Fiji session.
 * Usage: BaselineBench IMAGES_DIR OUT_DIR [WARM_ROUNDS]
 */
public final class BaselineBench {

	private BaselineBench() {}

	public static void main(final String[] args) throws Exception {
		final int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
		final int threads = SliceParallel.defaultThreads();
		final double jvm = (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean()
			.getStartTime()) / 1e3;
		long t0 = System.nanoTime();
		final ImagePlus ct = SliceFolderReader.read(new File(args[0]), threads, Progress.NONE);
		final double reading = seconds(t0);
		final BaselineSegmenter baseline = new BaselineSegmenter(BaselineSettings.DEFAULT, threads);
		t0 = System.nanoTime();
		final ImagePlus labels = baseline.segment(ct, Progress.NONE);
		final double first = seconds(t0);
		t0 = System.nanoTime();
		LabelSliceWriter.write(labels, new File(args[1]), threads, Progress.NONE);
		final double writing = seconds(t0);
		final int n = ct.getStackSize();
		System.out.printf("java start to main %.2f s, reading %.2f s, writing %.2f s%n", jvm, reading, writing);
		System.out.printf("java segment seconds %.4f for %d slices (%.4f per slice) on %d threads, first pass%n",
			first, n, first / n, threads);
		double best = Double.MAX_VALUE;
		for (int r = 0; r < rounds; r++) {
			t0 = System.nanoTime();
			baseline.segment(ct, Progress.NONE);
			best = Math.min(best, seconds(t0));
		}
		if (rounds > 0) System.out.printf(
			"java segment seconds %.4f for %d slices (%.4f per slice) on %d threads, best of %d warm passes%n", best, n,
			best / n, threads, rounds);
	}

	private static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
