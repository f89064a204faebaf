package org.fewshotct.spark;

import ij.ImagePlus;

import java.io.File;
import java.lang.ref.SoftReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.apache.spark.TaskContext;

/**
 * The scans this JVM read last, so that the tasks segmenting blocks of one scan side by side (neighbouring
 * blocks land in neighbouring partitions) read it once. Holds as many scans as the JVM runs tasks at once,
 * softly: under memory pressure the collector takes them back and the next task reads again.
 */
final class ScanCache {

	private static final Map<String, SoftReference<FutureTask<ImagePlus>>> RECENT = new LinkedHashMap<>(16, 0.75f,
		true);

	private ScanCache() {}

	/**
	 * The scan, read by {@link Scans#read} on {@code threads} threads unless this JVM read it already for the
	 * same Spark stage (a later job reads it afresh, in case it changed).
	 */
	static ImagePlus read(final File scan, final int threads) {
		final TaskContext task = TaskContext.get();
		final String key = (task == null ? "" : task.stageId() + ":") + scan.getAbsolutePath();
		final FutureTask<ImagePlus> reading;
		boolean mine = false;
		synchronized (RECENT) {
			final SoftReference<FutureTask<ImagePlus>> cached = RECENT.get(key);
			FutureTask<ImagePlus> known = cached == null ? null : cached.get();
			if (known == null) {
				known = new FutureTask<>(() -> Scans.read(scan, threads));
				RECENT.put(key, new SoftReference<>(known));
				mine = true;
				trim(Math.max(2, Runtime.getRuntime().availableProcessors() / threads));
			}
			reading = known;
		}
		if (mine) reading.run();
		try {
			return reading.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading " + scan, e);
		}
		catch (final ExecutionException e) {
			// A failed read is not kept: a retry reads again.
			synchronized (RECENT) {
				final SoftReference<FutureTask<ImagePlus>> cached = RECENT.get(key);
				if (cached != null && cached.get() == reading) RECENT.remove(key);
			}
			final Throwable cause = e.getCause();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IllegalStateException(cause);
		}
	}

	/** Keeps the {@code capacity} most recently used scans. */
	private static void trim(final int capacity) {
		final Iterator<String> eldest = RECENT.keySet().iterator();
		while (RECENT.size() > capacity && eldest.hasNext()) {
			eldest.next();
			eldest.remove();
		}
	}
}
