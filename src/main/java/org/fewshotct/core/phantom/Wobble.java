package org.fewshotct.core.phantom;

/**
 * The irregularity of a shape: its radius as 1 plus a few low harmonics of random amplitude and phase, so
 * organs and the body are smooth but never perfect ellipses.
 */
final class Wobble {

	/** A perfect ellipse. */
	static final Wobble NONE = new Wobble(new double[0], new double[0]);

	private static final int FIRST_HARMONIC = 2;
	private static final int HARMONICS = 4;

	private final double[] amplitudes;
	private final double[] phases;

	private Wobble(final double[] amplitudes, final double[] phases) {
		this.amplitudes = amplitudes;
		this.phases = phases;
	}

	/** Harmonics 2..5, harmonic k of amplitude up to {@code roughness / k}. */
	static Wobble random(final PhantomRandom random, final double roughness) {
		final double[] amplitudes = new double[HARMONICS];
		final double[] phases = new double[HARMONICS];
		for (int h = 0; h < HARMONICS; h++) {
			amplitudes[h] = roughness * random.uniform(-1, 1) / (h + FIRST_HARMONIC);
			phases[h] = random.uniform(0, 2 * Math.PI);
		}
		return new Wobble(amplitudes, phases);
	}

	/** This irregularity with every amplitude scaled, to vary a patient's shape a little per slice. */
	Wobble times(final double factor) {
		final double[] scaled = amplitudes.clone();
		for (int h = 0; h < scaled.length; h++)
			scaled[h] *= factor;
		return new Wobble(scaled, phases);
	}

	double radius(final double angle) {
		double r = 1;
		for (int h = 0; h < amplitudes.length; h++)
			r += amplitudes[h] * StrictMath.cos((h + FIRST_HARMONIC) * angle + phases[h]);
		return r;
	}
}
