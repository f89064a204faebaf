package org.fewshotct.core.features;

/**
 * The narrow CT windows of the {@link Feature#WINDOWS} features. They are given in Hounsfield units and
 * applied to the windowed intensity in [0, 1] under the assumption that it spans [-1000, 1000] HU: the default
 * window of 16 and 32-bit CT, and the window of the 8-bit challenge slices.
 */
public final class HounsfieldWindows {

	/** The window names, as they appear in plane names. */
	public static final String[] NAMES = { "soft", "organ" };

	/** Lower and upper bound (HU) per window: soft tissue (width 400, level 40) and organs (width 200, level 60). */
	private static final double[][] BOUNDS_HU = { { -160, 240 }, { -40, 160 } };

	/** The span in HU that unit intensity [0, 1] covers. */
	private static final double UNIT_MIN_HU = -1000;
	private static final double UNIT_MAX_HU = 1000;

	private HounsfieldWindows() {}

	/** Unit intensities clipped to window w and stretched onto [0, 1]. */
	public static float[] apply(final float[] unit, final int w) {
		final double low = toUnit(BOUNDS_HU[w][0]);
		final double high = toUnit(BOUNDS_HU[w][1]);
		final float[] out = new float[unit.length];
		for (int i = 0; i < unit.length; i++) {
			final double v = (unit[i] - low) / (high - low);
			out[i] = (float) (v < 0 ? 0 : v > 1 ? 1 : v);
		}
		return out;
	}

	private static double toUnit(final double hu) {
		return (hu - UNIT_MIN_HU) / (UNIT_MAX_HU - UNIT_MIN_HU);
	}
}
