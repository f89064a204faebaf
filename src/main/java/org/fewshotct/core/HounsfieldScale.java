package org.fewshotct.core;

import ij.ImagePlus;
import ij.measure.Calibration;

/**
 * How one CT stack stores Hounsfield units: HU = intercept + stored value * huSpan / storedSpan. Read from the
 * stack's ImageJ calibration when it has one (ImageJ's DICOM reader stores signed data as raw + 32768 with a
 * straight-line function, and any rescale slope and intercept there); otherwise from the bit depth:
 * uncalibrated 16-bit is HU + 1024 (the challenge's PNGs), 32-bit is HU, and 8-bit is taken as windowed to
 * [-1000, 1000] HU onto 0..255 (the challenge's 8-bit slices). The slope is kept as a ratio so that the default
 * window lands on exactly 0 and 255 for 8-bit CT, where it always has.
 */
public final class HounsfieldScale {

	/** Offset of uncalibrated 16-bit CT, stored as HU + 1024. */
	public static final double OFFSET_16BIT = 1024;

	private final double intercept;
	private final double huSpan;
	private final double storedSpan;
	private final String encoding;

	private HounsfieldScale(final double intercept, final double huSpan, final double storedSpan,
		final String encoding)
	{
		this.intercept = intercept;
		this.huSpan = huSpan;
		this.storedSpan = storedSpan;
		this.encoding = encoding;
	}

	/** The scale of a CT stack; refuses colour and calibrations that are not an increasing straight line. */
	public static HounsfieldScale of(final ImagePlus ct) {
		final int depth = ct.getBitDepth();
		if (depth == 24) throw new UserInputException("The CT '" + ct.getTitle() + "' is RGB colour; CT must be " +
			"grayscale (8, 16 or 32-bit)");
		final Calibration calibration = ct.getCalibration();
		if (calibration.calibrated()) {
			final double[] c = calibration.getCoefficients();
			if (calibration.getFunction() != Calibration.STRAIGHT_LINE || c == null || c.length < 2 || !(c[1] > 0) ||
				Double.isInfinite(c[0]) || Double.isNaN(c[0]) || Double.isInfinite(c[1]))
				throw new UserInputException("The CT '" + ct.getTitle() + "' has a calibration that is not an " +
					"increasing straight line (HU = a + b * value, b > 0); Hounsfield units cannot be read through it. " +
					"Remove it (Analyze > Calibrate..., function None) or set a straight line");
			return new HounsfieldScale(c[0], c[1], 1, depth + "-bit, HU = " + c[0] + " + " + c[1] + " * value");
		}
		if (depth != 8 && depth != 16 && depth != 32) throw new UserInputException("The CT '" + ct.getTitle() +
			"' is " + depth + "-bit; CT must be 8, 16 or 32-bit grayscale");
		return uncalibrated(depth);
	}

	/**
	 * The scale of uncalibrated CT of a bit depth (8, 16 or 32): what a stack without a calibration means, and
	 * what model files of format 1 stored their window in.
	 */
	public static HounsfieldScale uncalibrated(final int bitDepth) {
		switch (bitDepth) {
			case 8:
				return new HounsfieldScale(-1000, 2000, 255, "8-bit, windowed to [-1000, 1000] HU");
			case 16:
				return new HounsfieldScale(-OFFSET_16BIT, 1, 1, "16-bit, HU + 1024");
			case 32:
				return new HounsfieldScale(0, 1, 1, "32-bit HU");
			default:
				throw new IllegalArgumentException("CT is 8, 16 or 32-bit, not " + bitDepth + "-bit");
		}
	}

	/** Hounsfield units of a stored value. */
	public double hu(final double stored) {
		return intercept + stored * huSpan / storedSpan;
	}

	/** The stored value of a Hounsfield unit value (not rounded or clipped to the pixel type). */
	public double stored(final double hu) {
		return (hu - intercept) * storedSpan / huSpan;
	}

	/** How the values are stored, for messages and logs. */
	@Override
	public String toString() {
		return encoding;
	}
}
