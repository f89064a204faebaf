package org.fewshotct.core.instances;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fewshotct.core.UserInputException;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;
import org.fewshotct.core.label.Watershed;

/**
 * Turns per-pixel class probabilities (background, interior, boundary; see {@link InstanceTargets}) into
 * instance labels: every confident interior blob seeds one instance, the instances grow over the
 * foreground in order of increasing "not interior" probability so that they meet on the predicted
 * boundaries, and foreground no seed reaches becomes instances of its own.
 * <p>
 * With {@code fillBackground} the instances then also grow over the predicted background inside the body
 * ({@link BodyMask}, where the caller knows it). The challenge metric scores only the pixels that are
 * structure in the truth, and there every pixel predicted as background joins one big cluster; giving such
 * pixels the label of the nearest instance is usually right. Air around the patient is never structure, so
 * outside the body every pixel stays background.
 * </p>
 */
public final class InstanceDecoder {

	/** The decoder's settings: an immutable value that model files store as a map of strings. */
	public static final class Settings {

		public static final Settings DEFAULT = new Settings(0.5, 0.5, 10, false);

		private final double backgroundThreshold;
		private final double markerThreshold;
		private final int minMarkerArea;
		private final boolean fillBackground;

		public Settings(final double backgroundThreshold, final double markerThreshold, final int minMarkerArea,
			final boolean fillBackground)
		{
			if (!(backgroundThreshold > 0 && backgroundThreshold <= 1))
				throw new UserInputException("background_threshold must be in (0, 1], got " + backgroundThreshold);
			if (!(markerThreshold > 0 && markerThreshold <= 1))
				throw new UserInputException("marker_threshold must be in (0, 1], got " + markerThreshold);
			if (minMarkerArea < 1) throw new UserInputException("min_marker_area must be >= 1, got " + minMarkerArea);
			this.backgroundThreshold = backgroundThreshold;
			this.markerThreshold = markerThreshold;
			this.minMarkerArea = minMarkerArea;
			this.fillBackground = fillBackground;
		}

		/** A pixel is background where its background probability is at least this. */
		public double backgroundThreshold() {
			return backgroundThreshold;
		}

		/** Seeds are where the interior probability is at least this. */
		public double markerThreshold() {
			return markerThreshold;
		}

		/** Seed blobs smaller than this many pixels are noise and dropped. */
		public int minMarkerArea() {
			return minMarkerArea;
		}

		/** Whether instances also grow over the predicted background. */
		public boolean fillBackground() {
			return fillBackground;
		}

		public Settings withBackgroundThreshold(final double value) {
			return new Settings(value, markerThreshold, minMarkerArea, fillBackground);
		}

		public Settings withMarkerThreshold(final double value) {
			return new Settings(backgroundThreshold, value, minMarkerArea, fillBackground);
		}

		public Settings withMinMarkerArea(final int value) {
			return new Settings(backgroundThreshold, markerThreshold, value, fillBackground);
		}

		public Settings withFillBackground(final boolean value) {
			return new Settings(backgroundThreshold, markerThreshold, minMarkerArea, value);
		}

		/** The settings as strings under stable keys, for model files. */
		public Map<String, String> toMap() {
			final Map<String, String> map = new LinkedHashMap<>();
			map.put("background_threshold", Double.toString(backgroundThreshold));
			map.put("marker_threshold", Double.toString(markerThreshold));
			map.put("min_marker_area", Integer.toString(minMarkerArea));
			map.put("fill_background", Boolean.toString(fillBackground));
			return map;
		}

		/** Settings read back from {@link #toMap()}; missing keys take the defaults. */
		public static Settings fromMap(final Map<String, String> map) {
			try {
				return new Settings(
					Double.parseDouble(map.getOrDefault("background_threshold", Double.toString(DEFAULT.backgroundThreshold))),
					Double.parseDouble(map.getOrDefault("marker_threshold", Double.toString(DEFAULT.markerThreshold))),
					Integer.parseInt(map.getOrDefault("min_marker_area", Integer.toString(DEFAULT.minMarkerArea))),
					Boolean.parseBoolean(map.getOrDefault("fill_background", Boolean.toString(DEFAULT.fillBackground))));
			}
			catch (final NumberFormatException e) {
				throw new UserInputException("Bad decoder setting: " + e.getMessage(), e);
			}
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof Settings && toMap().equals(((Settings) o).toMap());
		}

		@Override
		public int hashCode() {
			return toMap().hashCode();
		}

		@Override
		public String toString() {
			return toMap().toString();
		}
	}

	private InstanceDecoder() {}

	/**
	 * Instance labels 1..n (0 = background) from {@code probabilities[c][pixel]}, c indexed as
	 * {@link InstanceTargets#BACKGROUND}, {@link InstanceTargets#INTERIOR}, {@link InstanceTargets#BOUNDARY}.
	 */
	public static int[] decode(final float[][] probabilities, final int width, final int height,
		final Settings settings)
	{
		return decode(probabilities, width, height, settings, null);
	}

	/**
	 * As {@link #decode(float[][], int, int, Settings)}, within {@code body} (null: the whole slice): outside it
	 * every pixel is background, whatever the maps say (a classifier that never learned background, such as
	 * Weka's default scheme, calls air a structure), and the background fill stays inside it.
	 */
	public static int[] decode(final float[][] probabilities, final int width, final int height,
		final Settings settings, final boolean[] body)
	{
		if (probabilities.length != InstanceTargets.CLASS_COUNT)
			throw new IllegalArgumentException("expected " + InstanceTargets.CLASS_COUNT + " probability maps, got " +
				probabilities.length);
		final int n = width * height;
		final float[] background = probabilities[InstanceTargets.BACKGROUND];
		final float[] interior = probabilities[InstanceTargets.INTERIOR];
		final boolean[] foreground = new boolean[n];
		final boolean[] seeds = new boolean[n];
		final float[] notInterior = new float[n];
		for (int i = 0; i < n; i++) {
			foreground[i] = background[i] < settings.backgroundThreshold && (body == null || body[i]);
			seeds[i] = foreground[i] && interior[i] >= settings.markerThreshold;
			notInterior[i] = 1 - interior[i];
		}
		final int[] markers = new int[n];
		final int count = ConnectedComponents.label(seeds, width, height, Connectivity.FOUR, markers);
		final int kept = ConnectedComponents.removeSmall(markers, count, settings.minMarkerArea);
		final int[] labels = Watershed.flood(notInterior, markers, foreground, width, height, 0);
		labelUnreached(labels, foreground, width, height, kept);
		if (!settings.fillBackground) return labels;
		return Watershed.flood(notInterior, labels, body, width, height, 0);
	}

	/** Foreground that no seed reached (blobs without a confident interior) becomes instances of its own. */
	private static void labelUnreached(final int[] labels, final boolean[] foreground, final int width,
		final int height, final int firstFree)
	{
		final boolean[] unreached = new boolean[labels.length];
		boolean any = false;
		for (int i = 0; i < labels.length; i++) {
			unreached[i] = foreground[i] && labels[i] == 0;
			any |= unreached[i];
		}
		if (!any) return;
		final int[] extra = new int[labels.length];
		ConnectedComponents.label(unreached, width, height, Connectivity.FOUR, extra);
		for (int i = 0; i < labels.length; i++)
			if (extra[i] > 0) labels[i] = firstFree + extra[i];
	}
}
