package org.fewshotct.bench;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;

/**
 * Times the phantom generator on a stack, as {@code bench/phantoms.sh} runs it.
 * Usage: PhantomBench SLICES SIZE [THREADS]
 */
public final class PhantomBench {

	private static final int RUNS = 3;

	private PhantomBench() {}

	public static void main(final String[] args) {
		final int slices = Integer.parseInt(args[0]);
		final int size = Integer.parseInt(args[1]);
		final int threads = args.length > 2 ? Integer.parseInt(args[2]) : SliceParallel.defaultThreads();
		// a warm-up stack, as the JIT would have had in a long Fiji session
		new PhantomGenerator(new PhantomSettings(Math.min(slices, 10), 0, size)).stacks(threads, Progress.NONE);
		double best = Double.MAX_VALUE;
		for (int run = 1; run <= RUNS; run++) {
			final long t0 = System.nanoTime();
			final PhantomStacks stacks = new PhantomGenerator(new PhantomSettings(slices, run, size)).stacks(threads,
				Progress.NONE);
			final double seconds = (System.nanoTime() - t0) / 1e9;
			best = Math.min(best, seconds);
			System.out.printf("run %d: %d slices of %dx%d on %d threads in %.3f s (checksum %d)%n", run, slices, size,
				size, threads, seconds, checksum(stacks));
		}
		System.out.printf("java phantoms best seconds %.3f%n", best);
	}

	private static long checksum(final PhantomStacks stacks) {
		long sum = 0;
		for (int s = 1; s <= stacks.ct().getStackSize(); s++)
			for (final short v : (short[]) stacks.ct().getStack().getPixels(s))
				sum += v & 0xffff;
		return sum;
	}
}
