package org.fewshotct.core.baseline;

import ij.ImagePlus;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.UserInputException;

/**
 * The classical baseline's settings, an immutable value. The defaults are the challenge notebook's: median
 * over a disk of radius 2, markers where the gradient over a disk of radius 5 is below 20, compactness
 * 0.0001. The intensity window, in HU, maps the CT to the 8 bits the method works on; without one,
 * {@link HounsfieldWindow#DEFAULT}.
 */
public final class BaselineSettings {

	public static final BaselineSettings DEFAULT = new BaselineSettings(2, 5, 20, 0.0001, null);

	private final int medianRadius;
	private final int gradientRadius;
	private final int markerThreshold;
	private final double compactness;
	private final HounsfieldWindow window;

	public BaselineSettings(final int medianRadius, final int gradientRadius, final int markerThreshold,
		final double compactness, final HounsfieldWindow window)
	{
		if (medianRadius < 0 || medianRadius > MAX_RADIUS)
			throw new UserInputException("median_radius must be in 0.." + MAX_RADIUS + ", got " + medianRadius);
		if (gradientRadius < 0 || gradientRadius > MAX_RADIUS)
			throw new UserInputException("gradient_radius must be in 0.." + MAX_RADIUS + ", got " + gradientRadius);
		if (markerThreshold < 1 || markerThreshold > 256)
			throw new UserInputException("marker_threshold must be in 1..256 (8-bit grey levels), got " + markerThreshold);
		if (!(compactness >= 0) || Double.isInfinite(compactness))
			throw new UserInputException("compactness must be a finite number >= 0, got " + compactness);
		this.medianRadius = medianRadius;
		this.gradientRadius = gradientRadius;
		this.markerThreshold = markerThreshold;
		this.compactness = compactness;
		this.window = window;
	}

	/** Radii beyond this smooth a 512x512 slice away; refusing them catches typing slips. */
	public static final int MAX_RADIUS = 100;

	/** Radius of the median's disk (denoising before the markers). */
	public int medianRadius() {
		return medianRadius;
	}

	/** Radius of the disk over which the morphological gradient (local max - local min) is taken. */
	public int gradientRadius() {
		return gradientRadius;
	}

	/** Markers are the pixels whose gradient is below this. */
	public int markerThreshold() {
		return markerThreshold;
	}

	/** Weight of the distance to the marker in the compact watershed (0: the plain watershed). */
	public double compactness() {
		return compactness;
	}

	/** The window in the stored units of this CT: the one set, else the default, through the CT's HU scale. */
	public IntensityWindow window(final ImagePlus ct) {
		return (window != null ? window : HounsfieldWindow.DEFAULT).on(ct);
	}

	/** The window set, or null for the default. */
	public HounsfieldWindow window() {
		return window;
	}

	public BaselineSettings withMedianRadius(final int value) {
		return new BaselineSettings(value, gradientRadius, markerThreshold, compactness, window);
	}

	public BaselineSettings withGradientRadius(final int value) {
		return new BaselineSettings(medianRadius, value, markerThreshold, compactness, window);
	}

	public BaselineSettings withMarkerThreshold(final int value) {
		return new BaselineSettings(medianRadius, gradientRadius, value, compactness, window);
	}

	public BaselineSettings withCompactness(final double value) {
		return new BaselineSettings(medianRadius, gradientRadius, markerThreshold, value, window);
	}

	/** The same settings with this window (null: the default). */
	public BaselineSettings withWindow(final HounsfieldWindow value) {
		return new BaselineSettings(medianRadius, gradientRadius, markerThreshold, compactness, value);
	}

	@Override
	public String toString() {
		return "median_radius=" + medianRadius + " gradient_radius=" + gradientRadius + " marker_threshold=" +
			markerThreshold + " compactness=" + compactness + (window == null ? "" : " window=" + window);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof BaselineSettings)) return false;
		final BaselineSettings s = (BaselineSettings) o;
		return s.medianRadius == medianRadius && s.gradientRadius == gradientRadius &&
			s.markerThreshold == markerThreshold && Double.compare(s.compactness, compactness) == 0 &&
			java.util.Objects.equals(s.window, window);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(medianRadius, gradientRadius, markerThreshold, compactness, window);
	}
}
