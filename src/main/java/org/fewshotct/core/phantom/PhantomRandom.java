package org.fewshotct.core.phantom;

/**
 * The phantoms' random numbers: SplitMix64, written out here rather than taken from the JDK so that a seed
 * gives the same phantom on every Java version (only {@link java.util.Random} has a specified algorithm, and
 * it is slow and synchronised). Not thread-safe: each slice draws from its own instance.
 */
final class PhantomRandom {

	private static final long GOLDEN = 0x9e3779b97f4a7c15L;

	private long state;

	PhantomRandom(final long seed) {
		state = seed;
	}

	/** An independent stream for {@code key} under {@code seed} (a slice, or the patient). */
	static PhantomRandom stream(final long seed, final long key) {
		return new PhantomRandom(mix(mix(seed) ^ (key * GOLDEN + 0x632be59bd9b4e019L)));
	}

	long nextLong() {
		state += GOLDEN;
		return mix(state);
	}

	private static long mix(final long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** Uniform in [0, 1). */
	double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/** Uniform in [low, high). */
	double uniform(final double low, final double high) {
		return low + (high - low) * nextDouble();
	}

	/** Uniform in [0, n). */
	int nextInt(final int n) {
		return (int) ((nextLong() >>> 33) % n);
	}

	/** Uniform integer in [low, high]. */
	int between(final int low, final int high) {
		return low + nextInt(high - low + 1);
	}

	boolean chance(final double probability) {
		return nextDouble() < probability;
	}

	/**
	 * Roughly standard normal: the sum of the four 16-bit parts of one draw, rescaled to mean 0 and variance 1.
	 * One draw per value keeps per-pixel noise cheap; the tails stop at +-3.46, which noise does not miss.
	 */
	double gaussian() {
		final long bits = nextLong();
		final long sum = (bits & 0xffff) + ((bits >>> 16) & 0xffff) + ((bits >>> 32) & 0xffff) + (bits >>> 48);
		return (sum - 131070.0) * NORMALISE;
	}

	/** 1 / the standard deviation of the sum of four uniform 16-bit integers. */
	private static final double NORMALISE = 1 / StrictMath.sqrt(4 * (65536.0 * 65536.0 - 1) / 12);

	/** A random permutation of 1..n. */
	int[] permutation(final int n) {
		final int[] values = new int[n];
		for (int i = 0; i < n; i++)
			values[i] = i + 1;
		for (int i = n - 1; i > 0; i--) {
			final int j = nextInt(i + 1);
			final int t = values[i];
			values[i] = values[j];
			values[j] = t;
		}
		return values;
	}
}
