package org.fewshotct.core.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes the feature planes of one slice at a time. A stack is processed slice by slice, so memory holds
 * only the planes of the slices in flight, never a feature stack per slice. Thread-safe: each call works on
 * its own planes.
 */
public final class FeatureBank {

	private final FeatureSettings settings;
	private final List<String> names;

	public FeatureBank(final FeatureSettings settings) {
		this.settings = settings;
		this.names = settings.planeNames();
	}

	public FeatureSettings settings() {
		return settings;
	}

	/** The plane names, in the order {@link #compute} returns the planes. */
	public List<String> names() {
		return names;
	}

	public int size() {
		return names.size();
	}

	/**
	 * The feature planes of one slice, row-major, given as windowed intensities in [0, 1]
	 * ({@code IntensityWindow.toUnit}). Planes may share arrays with each other and with {@code unit}: read only.
	 */
	public float[][] compute(final float[] unit, final int width, final int height) {
		if (unit.length != width * height) throw new IllegalArgumentException("The slice holds " + unit.length +
			" pixels, not " + width + "x" + height);
		final SliceContext slice = new SliceContext(unit, width, height, settings.sigmas());
		final List<float[]> planes = new ArrayList<>(names.size());
		for (final Feature feature : settings.features())
			feature.compute(slice, planes);
		return planes.toArray(new float[0][]);
	}
}
