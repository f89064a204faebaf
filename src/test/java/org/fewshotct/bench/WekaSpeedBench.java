package org.fewshotct.bench;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

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
 * in use after a garbage collection and the peak resident memory of the JVM.</li>
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
		final double cpu0 = cpuSeconds();
		final long t0 = System.nanoTime();
		final WekaModel trained = new WekaTrainer(WekaSettings.DEFAULT).train(ct, truth, Progress.NONE);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		final double cpu = cpuSeconds() - cpu0;
		trained.save(model);
		System.out.printf("weka train seconds %.2f for %d slices (%s pixels, %d features, %d threads); CPU seconds %.2f%n",
			seconds, ct.getStackSize(), trained.training().get("pixels"), trained.features().planeNames().size(),
			WekaSettings.DEFAULT.threads(), cpu);
	}

	private static void apply(final File images, final File model, final int repeat) throws IOException,
		ListenerNotFoundException
	{
		final ImagePlus ct = SliceFolderReader.read(images, Progress.NONE);
		final WekaSegmenter segmenter = WekaSegmenter.load(model);
		segmenter.segment(ct, Progress.NONE); // warm-up, as in a Fiji session that has run once
		final double cpu0 = cpuSeconds();
		long t0 = System.nanoTime();
		segmenter.segment(ct, Progress.NONE);
		final double perSlice = (System.nanoTime() - t0) / 1e9 / ct.getStackSize();
		final double cpuPerSlice = (cpuSeconds() - cpu0) / ct.getStackSize();
		System.out.printf("weka apply seconds per slice %.3f (%d slices of %dx%d, %d threads); CPU seconds per slice" +
			" %.3f, so %.3f s per slice on %d idle cores%n", perSlice, ct.getStackSize(), ct.getWidth(), ct.getHeight(),
			Runtime.getRuntime().availableProcessors(), cpuPerSlice, cpuPerSlice / Runtime.getRuntime()
				.availableProcessors(), Runtime.getRuntime().availableProcessors());

		final ImagePlus big = repeated(ct, repeat);
		final HeapPeak peak = new HeapPeak();
		final double bigCpu0 = cpuSeconds();
		t0 = System.nanoTime();
		final ImagePlus labels = segmenter.segment(big, Progress.NONE);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		final double bigCpu = cpuSeconds() - bigCpu0;
		final long peakAfterGc = peak.finish();
		System.out.printf("weka apply %d slices seconds %.1f (%.3f per slice, CPU %.3f per slice) into %s; max heap %d" +
			" MB, peak heap in use after a garbage collection %d MB, peak RSS %s%n", big.getStackSize(), seconds, seconds / big.getStackSize(), bigCpu /
				big.getStackSize(), labels.getTitle(), Runtime.getRuntime().maxMemory() >> 20, peakAfterGc, peakRss());
	}

	/** The stack's slices repeated, each a copy, as a real stack of that size would hold them. */
	static ImagePlus repeated(final ImagePlus ct, final int repeat) {
		final ImageStack stack = new ImageStack(ct.getWidth(), ct.getHeight());
		for (int r = 0; r < repeat; r++)
			for (int s = 1; s <= ct.getStackSize(); s++)
				stack.addSlice(r + "-" + ct.getStack().getSliceLabel(s), ct.getStack().getProcessor(s).duplicate());
		return new ImagePlus("repeated", stack);
	}

	/** CPU time of the whole JVM (all threads, the garbage collector included). */
	private static double cpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	private static String peakRss() throws IOException {
		for (final String line : Files.readAllLines(Paths.get("/proc/self/status")))
			if (line.startsWith("VmHWM:")) return line.substring(6).trim();
		return "unknown";
	}

	/**
	 * The heap still in use after each garbage collection, at its largest: what the run really needed. (The heap
	 * in use between collections also holds garbage, and a collector lets it fill up to the limit.)
	 */
	private static final class HeapPeak {

		private final AtomicLong peak = new AtomicLong();
		private final List<NotificationEmitter> emitters = new ArrayList<>();
		private final NotificationListener listener = (notification, handback) -> {
			if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION))
				return;
			long used = 0;
			for (final MemoryUsage usage : GarbageCollectionNotificationInfo.from((CompositeData) notification
				.getUserData()).getGcInfo().getMemoryUsageAfterGc().values())
				used += usage.getUsed();
			peak.accumulateAndGet(used, Math::max);
		};

		HeapPeak() {
			for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				((NotificationEmitter) collector).addNotificationListener(listener, null, null);
				emitters.add((NotificationEmitter) collector);
			}
		}

		/** Megabytes. */
		long finish() throws ListenerNotFoundException {
			for (final NotificationEmitter emitter : emitters)
				emitter.removeNotificationListener(listener);
			return peak.get() >> 20;
		}
	}
}
