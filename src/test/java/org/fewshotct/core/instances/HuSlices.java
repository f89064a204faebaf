package org.fewshotct.core.instances;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;

/** Phantom slices drawn in HU, as the decoder's steps see them: stored on a scale, through a window. */
final class HuSlices {

	private HuSlices() {}

	/** The unit intensities of a slice of {@code hu} values stored on {@code scale} and seen through {@code window}. */
	static float[] unit(final double[] hu, final HounsfieldScale scale, final IntensityWindow window) {
		final float[] unit = new float[hu.length];
		for (int i = 0; i < hu.length; i++)
			unit[i] = window.unit(Math.round(scale.stored(hu[i])));
		return unit;
	}
}
