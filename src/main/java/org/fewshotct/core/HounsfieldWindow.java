package org.fewshotct.core;

import ij.ImagePlus;

/**
 * An intensity window in Hounsfield units, as users give it and model files store it. Applied to a stack
 * through its {@link HounsfieldScale}, so the same HU give the same intensities whatever the encoding.
 */
public final class HounsfieldWindow {

	/** The window every method uses unless told otherwise: the 8-bit challenge slices' window. */
	public static final HounsfieldWindow DEFAULT = new HounsfieldWindow(-1000, 1000);

	private final double min;
	private final double max;

	public HounsfieldWindow(final double min, final double max) {
		if (!(max > min) || Double.isInfinite(min) || Double.isInfinite(max)) throw new UserInputException(
			"An intensity window needs finite min < max, got [" + min + ", " + max + "] HU");
		this.min = min;
		this.max = max;
	}

	/** This window in the stored units of the given CT stack. */
	public IntensityWindow on(final ImagePlus ct) {
		return on(HounsfieldScale.of(ct));
	}

	/** This window in stored units of the given scale. */
	public IntensityWindow on(final HounsfieldScale scale) {
		return new IntensityWindow(scale.stored(min), scale.stored(max));
	}

	/** The window of {@code stored}, given in the stored units of {@code scale}, in HU. */
	public static HounsfieldWindow of(final IntensityWindow stored, final HounsfieldScale scale) {
		return new HounsfieldWindow(scale.hu(stored.min()), scale.hu(stored.max()));
	}

	public double min() {
		return min;
	}

	public double max() {
		return max;
	}

	@Override
	public String toString() {
		return "[" + min + ", " + max + "] HU";
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof HounsfieldWindow && ((HounsfieldWindow) o).min == min && ((HounsfieldWindow) o).max == max;
	}

	@Override
	public int hashCode() {
		return Double.hashCode(min) * 31 + Double.hashCode(max);
	}
}
