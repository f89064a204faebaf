package org.fewshotct.core;

import ij.process.ImageProcessor;

/**
 * The one explicit mapping from stored CT values to the intensities a method sees: values in [min, max]
 * (in the stack's own units) map linearly onto [0, 1], values outside are clipped. Models store it, so a
 * model applies the window it was trained with.
 */
public final class IntensityWindow {

	/** Offset of 16-bit CT stored as HU + 1024. */
	public static final double HU_OFFSET_16BIT = 1024;

	private final double min;
	private final double max;

	public IntensityWindow(final double min, final double max) {
		if (!(max > min)) throw new UserInputException("Intensity window needs max > min, got [" + min + ", " + max + "]");
		this.min = min;
		this.max = max;
	}

	/**
	 * The window a CT of this bit depth gets unless the user says otherwise: 8-bit is taken as already
	 * windowed (0..255); 16-bit is HU + 1024 and 32-bit is HU, both windowed to [-1000, 1000] HU.
	 */
	public static IntensityWindow defaultFor(final int bitDepth) {
		switch (bitDepth) {
			case 8:
				return new IntensityWindow(0, 255);
			case 16:
				return hounsfield(-1000, 1000, 16);
			case 32:
				return hounsfield(-1000, 1000, 32);
			default:
				throw new UserInputException("CT slices must be 8, 16 or 32-bit grayscale, not " + bitDepth + "-bit");
		}
	}

	/** A window given in Hounsfield units, for a stack of the given bit depth (16-bit stores HU + 1024). */
	public static IntensityWindow hounsfield(final double minHu, final double maxHu, final int bitDepth) {
		final double offset = bitDepth == 16 ? HU_OFFSET_16BIT : 0;
		return new IntensityWindow(minHu + offset, maxHu + offset);
	}

	/**
	 * The stored value of a Hounsfield unit in a CT of this bit depth: HU + 1024 for 16-bit, HU for 32-bit, and
	 * for 8-bit the grey value of [-1000, 1000] HU mapped onto 0..255 (how this suite's 8-bit slices are made).
	 */
	public static double storedValue(final double hu, final int bitDepth) {
		if (bitDepth == 8) return (hu + 1000) / 2000 * 255;
		return bitDepth == 16 ? hu + HU_OFFSET_16BIT : hu;
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
