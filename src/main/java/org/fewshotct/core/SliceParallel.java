package org.fewshotct.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
	 * first failure of a task (a {@link RuntimeException} or an {@link Error}, such as an OutOfMemoryError, as
	 * itself) once every worker has stopped.
	 */
	public static void forEach(final int n, final int threads, final Progress progress, final SliceTask task) {
		final Workers workers = new Workers(n, progress, task);
		workers.start(Math.max(1, Math.min(threads, n)));
		workers.await();
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

	/**
	 * The worker threads of one call. A worker's failure is recorded without allocating and the caller is woken
	 * in a finally block: after an OutOfMemoryError the heap may be too full for anything else, and the memory
	 * is freed only once the caller unwinds. (With a thread pool's futures the error escaped the worker, "thrown
	 * from the UncaughtExceptionHandler", and the caller waited forever.)
	 */
	private static final class Workers implements Runnable {

		private final int n;
		private final Progress progress;
		private final SliceTask task;
		private final AtomicInteger next = new AtomicInteger();
		private final AtomicInteger done = new AtomicInteger();
		private final AtomicReference<Throwable> failure = new AtomicReference<>();
		private final List<Thread> threads = new ArrayList<>();
		private CountDownLatch running;

		Workers(final int n, final Progress progress, final SliceTask task) {
			this.n = n;
			this.progress = progress;
			this.task = task;
		}

		void start(final int count) {
			running = new CountDownLatch(count);
			// Link the failure path while memory is still free.
			failure.compareAndSet(null, null);
			for (int w = 0; w < count; w++) {
				final Thread thread = new Thread(this, "few-shot-ct-slice");
				thread.setDaemon(true);
				threads.add(thread);
			}
			int started = 0;
			try {
				for (final Thread thread : threads) {
					thread.start();
					started++;
				}
			}
			finally {
				for (int w = started; w < count; w++) {
					next.set(n);
					running.countDown();
				}
			}
		}

		@Override
		public void run() {
			try {
				for (int s = next.getAndIncrement(); s < n; s = next.getAndIncrement()) {
					progress.checkCancelled();
					task.run(s);
					progress.report(done.incrementAndGet(), n);
				}
			}
			catch (final Throwable t) {
				failure.compareAndSet(null, t);
				next.set(n);
			}
			finally {
				running.countDown();
			}
		}

		void await() {
			try {
				running.await();
			}
			catch (final InterruptedException e) {
				next.set(n);
				for (final Thread thread : threads)
					thread.interrupt();
				Thread.currentThread().interrupt();
				throw new CancelledException();
			}
			final Throwable cause = failure.get();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			if (cause != null) throw new TaskFailure(cause);
		}
	}
}
