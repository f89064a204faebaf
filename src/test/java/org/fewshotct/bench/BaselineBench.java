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
 * of 8-bit slices, segment them, write 16-bit label PNGs; then segment again with a warm JIT, for the
 * per-slice time a long Fiji session sees.
 * Usage: BaselineBench IMAGES_DIR OUT_DIR [THREADS]
 */
public final class BaselineBench {

	private BaselineBench() {}

	public static void main(final String[] args) throws Exception {
		final int threads = args.length > 2 ? Integer.parseInt(args[2]) : SliceParallel.defaultThreads();
		final ImagePlus ct = SliceFolderReader.read(new File(args[0]), Progress.NONE);
		final BaselineSegmenter baseline = new BaselineSegmenter(BaselineSettings.DEFAULT, threads);
		long t0 = System.nanoTime();
		final ImagePlus labels = baseline.segment(ct, Progress.NONE);
		final double cold = seconds(t0);
		LabelSliceWriter.write(labels, new File(args[1]), Progress.NONE);
		t0 = System.nanoTime();
		baseline.segment(ct, Progress.NONE);
		final double warm = seconds(t0);
		final int n = ct.getStackSize();
		System.out.printf("java segment seconds %.4f for %d slices (%.4f per slice) on %d threads, first pass%n", cold,
			n, cold / n, threads);
		System.out.printf("java segment seconds %.4f for %d slices (%.4f per slice) on %d threads, warm%n", warm, n,
			warm / n, threads);
	}

	private static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
