package org.fewshotct.bench;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.fewshotct.core.Progress;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.weka.WekaModel;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;

/**
 * Speed and memory of the Weka method with its default settings, as {@code bench/weka.sh} runs it.
 * <ul>
 * <li>{@code WekaSpeedBench train IMAGES_DIR LABELS_DIR MODEL}: training time on every slice of the folder.</li>
 * <li>{@code WekaSpeedBench apply IMAGES_DIR MODEL REPEAT}: apply time per slice on the folder, then on a stack
 * of the folder's slices repeated REPEAT times (pixels copied, as a real stack holds them), with the peak heap
 * in use (sampled) and the peak resident memory of the JVM.</li>
 * </ul>
 */
public final class WekaSpeedBench {

	private WekaSpeedBench() {}

	public static void main(final String[] args) throws Exception {
		if (args[0].equals("train")) train(new File(args[1]), new File(args[2]), new File(args[3]));
		else apply(new File(args[1]), new File(args[2]), Integer.parseInt(args[3]));
	}

	private static void train(final File images, final File labels, final File model) {
		final ImagePlus ct = SliceFolderReader.read(images, Progress.NONE);
		final ImagePlus truth = SliceFolderReader.read(labels, Progress.NONE);
		final long t0 = System.nanoTime();
		final WekaModel trained = new WekaTrainer(WekaSettings.DEFAULT).train(ct, truth, Progress.NONE);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		trained.save(model);
		System.out.printf("weka train seconds %.2f for %d slices (%s pixels, %d features, %d threads)%n", seconds, ct
			.getStackSize(), trained.training().get("pixels"), trained.features().planeNames().size(),
			WekaSettings.DEFAULT.threads());
	}

	private static void apply(final File images, final File model, final int repeat) throws IOException {
		final ImagePlus ct = SliceFolderReader.read(images, Progress.NONE);
		final WekaSegmenter segmenter = WekaSegmenter.load(model);
		segmenter.segment(ct, Progress.NONE); // warm-up, as in a Fiji session that has run once
		long t0 = System.nanoTime();
		segmenter.segment(ct, Progress.NONE);
		final double perSlice = (System.nanoTime() - t0) / 1e9 / ct.getStackSize();
		System.out.printf("weka apply seconds per slice %.3f (%d slices of %dx%d, %d threads)%n", perSlice, ct
			.getStackSize(), ct.getWidth(), ct.getHeight(), Runtime.getRuntime().availableProcessors());

		final ImagePlus big = repeated(ct, repeat);
		final HeapPeak peak = new HeapPeak();
		t0 = System.nanoTime();
		final ImagePlus labels = segmenter.segment(big, Progress.NONE);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		peak.finish();
		System.out.printf("weka apply %d slices seconds %.1f (%.3f per slice) into %s; max heap %d MB, peak heap used" +
			" %d MB, peak RSS %s%n", big.getStackSize(), seconds, seconds / big.getStackSize(), labels.getTitle(), Runtime
				.getRuntime().maxMemory() >> 20, peak.peak >> 20, peakRss());
	}

	/** The stack's slices repeated, each a copy, as a real stack of that size would hold them. */
	static ImagePlus repeated(final ImagePlus ct, final int repeat) {
		final ImageStack stack = new ImageStack(ct.getWidth(), ct.getHeight());
		for (int r = 0; r < repeat; r++)
			for (int s = 1; s <= ct.getStackSize(); s++)
				stack.addSlice(r + "-" + ct.getStack().getSliceLabel(s), ct.getStack().getProcessor(s).duplicate());
		return new ImagePlus("repeated", stack);
	}

	private static String peakRss() throws IOException {
		for (final String line : Files.readAllLines(Paths.get("/proc/self/status")))
			if (line.startsWith("VmHWM:")) return line.substring(6).trim();
		return "unknown";
	}

	/** Samples the heap in use every 20 ms. */
	private static final class HeapPeak extends Thread {

		volatile long peak;
		private volatile boolean running = true;

		HeapPeak() {
			setDaemon(true);
			start();
		}

		@Override
		public void run() {
			final Runtime runtime = Runtime.getRuntime();
			while (running) {
				peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
				try {
					Thread.sleep(20);
				}
				catch (final InterruptedException e) {
					return;
				}
			}
		}

		void finish() {
			running = false;
		}
	}
}
