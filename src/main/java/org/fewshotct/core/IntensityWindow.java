package org.fewshotct.core;

import ij.process.ImageProcessor;

/**
 * The one explicit mapping from stored CT values to the intensities a method sees: values in [min, max]
 * (in the stack's stored units) map linearly onto [0, 1], values outside are clipped. Made from a
 * {@link HounsfieldWindow} for one stack ({@link HounsfieldWindow#on}), so the same HU give the same
 * intensities whatever the encoding; models store the window in HU.
 */
public final class IntensityWindow {

	private final double min;
	private final double max;

	public IntensityWindow(final double min, final double max) {
		if (!(max > min)) throw new UserInputException("Intensity window needs max > min, got [" + min + ", " + max + "]");
		this.min = min;
		this.max = max;
	}

	public double min() {
		return min;
	}

	public double max() {
		return max;
	}

	/** The value mapped to [0, 1], clipped. */
	public float unit(final double value) {
		final double u = (value - min) / (max - min);
		return (float) (u < 0 ? 0 : u > 1 ? 1 : u);
	}

	/** The slice as floats in [0, 1]. */
	public float[] toUnit(final ImageProcessor slice) {
		final int n = slice.getPixelCount();
		final float[] out = new float[n];
		for (int i = 0; i < n; i++)
			out[i] = unit(slice.getf(i));
		return out;
	}

	/** The slice as 8-bit values 0..255 (rounded), as the baseline and 8-bit tools expect. */
	public byte[] toBytes(final ImageProcessor slice) {
		final int n = slice.getPixelCount();
		final byte[] out = new byte[n];
		for (int i = 0; i < n; i++)
			out[i] = (byte) Math.round(unit(slice.getf(i)) * 255f);
		return out;
	}

	@Override
	public String toString() {
		return "[" + min + ", " + max + "]";
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof IntensityWindow && ((IntensityWindow) o).min == min && ((IntensityWindow) o).max == max;
	}

	@Override
	public int hashCode() {
		return Double.hashCode(min) * 31 + Double.hashCode(max);
	}
}
