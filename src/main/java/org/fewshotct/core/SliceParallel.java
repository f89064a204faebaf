package org.fewshotct.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent per-slice work in parallel. Slices are handed out one at a time, so at most
 * {@code threads} slices are in flight: memory stays bounded whatever the stack size.
 */
public final class SliceParallel {

	/** Work on one slice, by 0-based index. */
	@FunctionalInterface
	public interface SliceTask {
		void run(int slice) throws Exception;
	}

	private SliceParallel() {}

	/** The default thread count: every available processor. */
	public static int defaultThreads() {
		return Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Runs {@code task} for slices 0..n-1 on up to {@code threads} threads, reporting each finished slice to
	 * {@code progress}. Stops early and throws {@link CancelledException} when the user cancels; rethrows the
	 * first failure of a task (a {@link RuntimeException} as itself).
	 */
	public static void forEach(final int n, final int threads, final Progress progress, final SliceTask task) {
		final int poolSize = Math.max(1, Math.min(threads, n));
		final AtomicInteger next = new AtomicInteger();
		final AtomicInteger done = new AtomicInteger();
		final ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
			final Thread t = new Thread(r, "few-shot-ct-slice");
			t.setDaemon(true);
			return t;
		});
		try {
			final List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < poolSize; w++) {
				workers.add(pool.submit(() -> {
					for (int s = next.getAndIncrement(); s < n; s = next.getAndIncrement()) {
						progress.checkCancelled();
						task.run(s);
						progress.report(done.incrementAndGet(), n);
					}
					return null;
				}));
			}
			for (final Future<?> worker : workers)
				await(worker, next, n);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * As {@link #forEach}, for tasks that read or write files: a task's {@link IOException} reaches the caller
	 * as itself, not wrapped.
	 */
	public static void forEachFile(final int n, final int threads, final Progress progress, final SliceTask task)
		throws IOException
	{
		try {
			forEach(n, threads, progress, task);
		}
		catch (final TaskFailure e) {
			if (e.getCause() instanceof IOException) throw (IOException) e.getCause();
			throw e;
		}
	}

	/** A task's checked exception, carried to the caller. */
	private static final class TaskFailure extends IllegalStateException {

		TaskFailure(final Throwable cause) {
			super(cause.getMessage(), cause);
		}
	}

	private static void await(final Future<?> worker, final AtomicInteger next, final int n) {
		try {
			worker.get();
		}
		catch (final InterruptedException e) {
			next.set(n);
			Thread.currentThread().interrupt();
			throw new CancelledException();
		}
		catch (final ExecutionException e) {
			next.set(n);
			final Throwable cause = e.getCause();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new TaskFailure(cause);
		}
	}
}
