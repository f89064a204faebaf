package org.fewshotct.core.instances;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.fewshotct.core.UserInputException;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;
import org.fewshotct.core.label.ExtendedMaxima;
import org.fewshotct.core.label.Watershed;

/**
 * Turns per-pixel class probabilities (background, interior, boundary; see {@link InstanceTargets}) into
 * instance labels: every confident interior blob seeds one instance, the instances grow over the
 * foreground in order of increasing "not interior" probability so that they meet on the predicted
 * boundaries, and foreground no seed reaches becomes instances of its own.
 * <p>
 * A confident blob is either a connected set of pixels whose interior probability reaches the marker
 * threshold, or, with a marker dynamic h &gt; 0, the top of an interior dome that rises at least h above the
 * saddle to any higher dome ({@link ExtendedMaxima}) and peaks at the threshold or higher. A network's
 * confidence drifts between scans, and one fixed threshold then merges structures joined by a confident
 * saddle or drops those whose interior came out faint; the dome's height over its saddle drifts less.
 * </p>
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

		/** The steps the decoder takes or skips, under their keys in model files, in the order files list them. */
		private enum Step {
			FILL_BACKGROUND("fill_background"), SPLIT_FAT_PLANES("split_fat_planes"), SPLIT_DARKER_REGIONS(
				"split_darker_regions"), KEEP_AIR_REGIONS_WHOLE("keep_air_regions_whole"), JOIN_BONE_PIECES(
					"join_bone_pieces"), SPLIT_SMALL_DARKER_REGIONS("split_small_darker_regions"), JOIN_TOUCHING_BONES(
						"join_touching_bones"), SPLIT_BONE_FROM_SOFT_TISSUE("split_bone_from_soft_tissue"),
			GROW_DARKER_REGIONS("grow_darker_regions"), SPLIT_INTENSITY_POPULATIONS("split_intensity_populations"),
			JOIN_SHALLOW_SPLITS("join_shallow_splits");

			final String key;

			Step(final String key) {
				this.key = key;
			}
		}

		private final double backgroundThreshold;
		private final double markerThreshold;
		private final double markerDynamic;
		private final int minMarkerArea;
		private final Set<Step> steps;
		private final double cortexHu;
		private static final String CORTEX_HU = "cortex_hu";

		/** Settings whose seeds are thresholded blobs (marker dynamic 0). */
		public Settings(final double backgroundThreshold, final double markerThreshold, final int minMarkerArea,
			final boolean fillBackground)
		{
			this(backgroundThreshold, markerThreshold, 0, minMarkerArea, fillBackground ? EnumSet.of(Step.FILL_BACKGROUND)
				: EnumSet.noneOf(Step.class), TouchingBones.DENSE_HU);
		}

		private Settings(final double backgroundThreshold, final double markerThreshold, final double markerDynamic,
			final int minMarkerArea, final Set<Step> steps, final double cortexHu)
		{
			if (!(backgroundThreshold > 0 && backgroundThreshold <= 1))
				throw new UserInputException("background_threshold must be in (0, 1], got " + backgroundThreshold);
			if (!(markerThreshold > 0 && markerThreshold <= 1))
				throw new UserInputException("marker_threshold must be in (0, 1], got " + markerThreshold);
			if (!(markerDynamic >= 0 && markerDynamic < 1))
				throw new UserInputException("marker_dynamic must be in [0, 1), got " + markerDynamic);
			if (minMarkerArea < 1) throw new UserInputException("min_marker_area must be >= 1, got " + minMarkerArea);
			if (!(cortexHu > BonePieces.BONE_HU && cortexHu <= 3000)) throw new UserInputException("cortex_hu must be " +
				"above bone's " + BonePieces.BONE_HU + " HU and at most 3000, got " + cortexHu);
			this.backgroundThreshold = backgroundThreshold;
			this.markerThreshold = markerThreshold;
			this.markerDynamic = markerDynamic;
			this.minMarkerArea = minMarkerArea;
			this.cortexHu = cortexHu;
			this.steps = Collections.unmodifiableSet(steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(
				steps));
		}

		/** A pixel is background where its background probability is at least this. */
		public double backgroundThreshold() {
			return backgroundThreshold;
		}

		/**
		 * Seeds are where the interior probability is at least this; with a marker dynamic, the domes that peak
		 * at least this high.
		 */
		public double markerThreshold() {
			return markerThreshold;
		}

		/**
		 * 0: seeds are the blobs of interior probability at or above the marker threshold. Above 0: seeds are the
		 * tops of interior domes that rise at least this much above their saddle to a higher dome.
		 */
		public double markerDynamic() {
			return markerDynamic;
		}

		/** Seed blobs smaller than this many pixels are noise and dropped. */
		public int minMarkerArea() {
			return minMarkerArea;
		}

		/**
		 * Cortex, in HU (after the bone steps' 1-pixel Gaussian): where touching bones meet ({@link TouchingBones})
		 * and what marks bone in soft tissue ({@link BoneInSoftTissue}). Model files written before it existed
		 * decode at {@link TouchingBones#DENSE_HU}.
		 */
		public double cortexHu() {
			return cortexHu;
		}

		/** Whether instances also grow over the predicted background. */
		public boolean fillBackground() {
			return steps.contains(Step.FILL_BACKGROUND);
		}

		/** Whether instances are split along the fat that runs through them ({@link FatPlanes}). */
		public boolean splitFatPlanes() {
			return steps.contains(Step.SPLIT_FAT_PLANES);
		}

		/** Whether darker regions are carved out of the instances ({@link DarkerRegions}). */
		public boolean splitDarkerRegions() {
			return steps.contains(Step.SPLIT_DARKER_REGIONS);
		}

		/**
		 * Whether the large darker regions carved out are grown to their edge, as the small lesions are
		 * ({@link DarkerRegions}; only with {@link #splitDarkerRegions()}).
		 */
		public boolean growDarkerRegions() {
			return steps.contains(Step.GROW_DARKER_REGIONS);
		}

		/** Whether instances that hold two organs of different density are parted ({@link IntensityPopulations}). */
		public boolean splitIntensityPopulations() {
			return steps.contains(Step.SPLIT_INTENSITY_POPULATIONS);
		}

		/**
		 * Whether instances parted by a shallow saddle of the interior map are joined where no boundary runs between
		 * them ({@link ShallowSplits}; with dome seeds only).
		 */
		public boolean joinShallowSplits() {
			return steps.contains(Step.JOIN_SHALLOW_SPLITS);
		}

		/** Whether air-filled regions predicted background inside the body are kept whole ({@link AirRegions}). */
		public boolean keepAirRegionsWhole() {
			return steps.contains(Step.KEEP_AIR_REGIONS_WHOLE);
		}

		/** Whether the pieces of one bone are joined ({@link BonePieces}). */
		public boolean joinBonePieces() {
			return steps.contains(Step.JOIN_BONE_PIECES);
		}

		/**
		 * Whether small darker blobs that look like lesions are carved out too ({@link DarkerRegions}, with
		 * {@link #splitDarkerRegions()}).
		 */
		public boolean splitSmallDarkerRegions() {
			return steps.contains(Step.SPLIT_SMALL_DARKER_REGIONS);
		}

		/** Whether instances that touch through dense bone are joined ({@link TouchingBones}). */
		public boolean joinTouchingBones() {
			return steps.contains(Step.JOIN_TOUCHING_BONES);
		}

		/** Whether bone is carved out of the soft-tissue instances that grew over it ({@link BoneInSoftTissue}). */
		public boolean splitBoneFromSoftTissue() {
			return steps.contains(Step.SPLIT_BONE_FROM_SOFT_TISSUE);
		}

		/** Whether a step that looks for cortex at {@link #cortexHu()} is taken: touching bones, bone in soft tissue. */
		public boolean usesCortex() {
			return joinTouchingBones() || splitBoneFromSoftTissue();
		}

		public Settings withBackgroundThreshold(final double value) {
			return new Settings(value, markerThreshold, markerDynamic, minMarkerArea, steps, cortexHu);
		}

		public Settings withMarkerThreshold(final double value) {
			return new Settings(backgroundThreshold, value, markerDynamic, minMarkerArea, steps, cortexHu);
		}

		public Settings withMarkerDynamic(final double value) {
			return new Settings(backgroundThreshold, markerThreshold, value, minMarkerArea, steps, cortexHu);
		}

		public Settings withMinMarkerArea(final int value) {
			return new Settings(backgroundThreshold, markerThreshold, markerDynamic, value, steps, cortexHu);
		}

		public Settings withFillBackground(final boolean value) {
			return with(Step.FILL_BACKGROUND, value);
		}

		public Settings withSplitFatPlanes(final boolean value) {
			return with(Step.SPLIT_FAT_PLANES, value);
		}

		public Settings withSplitDarkerRegions(final boolean value) {
			return with(Step.SPLIT_DARKER_REGIONS, value);
		}

		public Settings withKeepAirRegionsWhole(final boolean value) {
			return with(Step.KEEP_AIR_REGIONS_WHOLE, value);
		}

		public Settings withJoinBonePieces(final boolean value) {
			return with(Step.JOIN_BONE_PIECES, value);
		}

		public Settings withSplitSmallDarkerRegions(final boolean value) {
			return with(Step.SPLIT_SMALL_DARKER_REGIONS, value);
		}

		public Settings withJoinTouchingBones(final boolean value) {
			return with(Step.JOIN_TOUCHING_BONES, value);
		}

		public Settings withSplitBoneFromSoftTissue(final boolean value) {
			return with(Step.SPLIT_BONE_FROM_SOFT_TISSUE, value);
		}

		public Settings withSplitIntensityPopulations(final boolean value) {
			return with(Step.SPLIT_INTENSITY_POPULATIONS, value);
		}

		public Settings withJoinShallowSplits(final boolean value) {
			return with(Step.JOIN_SHALLOW_SPLITS, value);
		}

		public Settings withCortexHu(final double value) {
			return new Settings(backgroundThreshold, markerThreshold, markerDynamic, minMarkerArea, steps, value);
		}

		public Settings withGrowDarkerRegions(final boolean value) {
			return with(Step.GROW_DARKER_REGIONS, value);
		}

		/**
		 * These settings without the steps that split or join instances after the seeds have grown (shallow splits,
		 * fat planes, darker regions, intensity populations, air regions, bone in soft tissue, bone pieces, touching bones): how
		 * models decoded before those steps existed, cortex at the level of those days. The seeds and the background
		 * fill stay as they are.
		 */
		public Settings withoutRefinements() {
			return new Settings(backgroundThreshold, markerThreshold, markerDynamic, minMarkerArea, steps.contains(
				Step.FILL_BACKGROUND) ? EnumSet.of(Step.FILL_BACKGROUND) : EnumSet.noneOf(Step.class),
				TouchingBones.DENSE_HU);
		}

		private Settings with(final Step step, final boolean taken) {
			final Set<Step> changed = steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
			if (taken) changed.add(step);
			else changed.remove(step);
			return new Settings(backgroundThreshold, markerThreshold, markerDynamic, minMarkerArea, changed, cortexHu);
		}

		/** The settings as strings under stable keys, for model files. */
		public Map<String, String> toMap() {
			final Map<String, String> map = new LinkedHashMap<>();
			map.put("background_threshold", Double.toString(backgroundThreshold));
			map.put("marker_threshold", Double.toString(markerThreshold));
			map.put("marker_dynamic", Double.toString(markerDynamic));
			map.put("min_marker_area", Integer.toString(minMarkerArea));
			map.put(CORTEX_HU, Double.toString(cortexHu));
			for (final Step step : Step.values())
				map.put(step.key, Boolean.toString(steps.contains(step)));
			return map;
		}

		/**
		 * Settings read back from {@link #toMap()}; missing keys take the defaults, so files written before the
		 * marker dynamic existed decode as they did, with thresholded seeds, and those from before the fat planes,
		 * the darker regions, the air regions, the bone pieces, the small darker regions, the touching bones, the bone
		 * in soft tissue, the darker regions grown to their edge, the intensity populations or the shallow splits
		 * without them.
		 */
		public static Settings fromMap(final Map<String, String> map) {
			final Set<Step> steps = EnumSet.noneOf(Step.class);
			for (final Step step : Step.values())
				if (Boolean.parseBoolean(map.getOrDefault(step.key, Boolean.toString(DEFAULT.steps.contains(step)))))
					steps.add(step);
			try {
				return new Settings(
					Double.parseDouble(map.getOrDefault("background_threshold", Double.toString(DEFAULT.backgroundThreshold))),
					Double.parseDouble(map.getOrDefault("marker_threshold", Double.toString(DEFAULT.markerThreshold))),
					Double.parseDouble(map.getOrDefault("marker_dynamic", Double.toString(DEFAULT.markerDynamic))),
					Integer.parseInt(map.getOrDefault("min_marker_area", Integer.toString(DEFAULT.minMarkerArea))), steps,
					Double.parseDouble(map.getOrDefault(CORTEX_HU, Double.toString(DEFAULT.cortexHu))));
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
		return decode(probabilities, width, height, settings, body, null);
	}

	/**
	 * As {@link #decode(float[][], int, int, Settings, boolean[])}, and where the settings ask for it, instances
	 * parted by a shallow saddle joined where no boundary runs between them ({@link ShallowSplits}; this one
	 * without {@code tissue} too), the air regions inside the body made instances before the fill ({@link AirRegions}), the instances split along the
	 * slice's fat ({@link FatPlanes}), its darker regions (grown to their edge, and small lesions) carved out
	 * ({@link DarkerRegions}), instances that hold two organs of different density parted
	 * ({@link IntensityPopulations}),
	 * bone carved out of soft-tissue instances ({@link BoneInSoftTissue}), the pieces of each bone joined
	 * ({@link BonePieces}) and the instances that touch through dense bone joined
	 * ({@link TouchingBones}), as {@code tissue} gives them ({@link TissueLevels#slice};
	 * null: none of these).
	 */
	public static int[] decode(final float[][] probabilities, final int width, final int height,
		final Settings settings, final boolean[] body, final TissueLevels.Slice tissue)
	{
		if (probabilities.length != InstanceTargets.CLASS_COUNT)
			throw new IllegalArgumentException("expected " + InstanceTargets.CLASS_COUNT + " probability maps, got " +
				probabilities.length);
		final int n = width * height;
		final float[] background = probabilities[InstanceTargets.BACKGROUND];
		final float[] interior = probabilities[InstanceTargets.INTERIOR];
		final boolean[] foreground = new boolean[n];
		final float[] notInterior = new float[n];
		for (int i = 0; i < n; i++) {
			foreground[i] = background[i] < settings.backgroundThreshold && (body == null || body[i]);
			notInterior[i] = 1 - interior[i];
		}
		final int[] labels = grownSeeds(interior, notInterior, foreground, width, height, settings);
		// the seeds' instances are numbered 1..count, each holding its seed
		labelUnreached(labels, foreground, width, height, LabelShares.maxLabel(labels));
		if (settings.joinShallowSplits() && settings.markerDynamic > 0) ShallowSplits.join(labels, grownSeeds(interior,
			notInterior, foreground, width, height, settings.withMarkerDynamic(Math.max(settings.markerDynamic,
				ShallowSplits.COARSE_DYNAMIC))), probabilities[InstanceTargets.BOUNDARY], width, height);
		if (settings.keepAirRegionsWhole() && body != null && tissue != null && tissue.air != null) AirRegions.separate(
			labels, body, tissue.air, width, height);
		final int[] flooded = settings.fillBackground() ? Watershed.flood(notInterior, labels, body, width, height, 0)
			: labels;
		final int[] split = settings.splitFatPlanes() && tissue != null && tissue.fat != null ? FatPlanes.split(flooded,
			tissue.fat, width, height) : flooded;
		// after the fat planes, which cut a lung along the partial volume of its vessels and fissures too
		final int[] lungs = settings.keepAirRegionsWhole() && body != null && tissue != null && tissue.air != null
			? AirRegions.joinTouching(split, body, tissue.air, width, height) : split;
		final int[] carved = settings.splitDarkerRegions() && tissue != null && tissue.darker != null ? DarkerRegions
			.split(lungs, tissue.darker, width, height, settings.splitSmallDarkerRegions(), settings.growDarkerRegions())
			: lungs;
		final int[] parted = settings.splitIntensityPopulations() && tissue != null && tissue.darker != null
			? IntensityPopulations.split(carved, tissue.darker, probabilities[InstanceTargets.BOUNDARY], width, height)
			: carved;
		final int[] boneApart = settings.splitBoneFromSoftTissue() && tissue != null && tissue.bone != null
			&& tissue.denseBone != null ? BoneInSoftTissue.split(parted, tissue.bone, tissue.denseBone, width, height)
				: parted;
		final int[] joined = settings.joinBonePieces() && tissue != null && tissue.bone != null ? BonePieces.join(
			boneApart, tissue.bone, width, height) : boneApart;
		return settings.joinTouchingBones() && tissue != null && tissue.denseBone != null ? TouchingBones.join(joined,
			tissue.denseBone, tissue.bone, width, height) : joined;
	}

	/**
	 * The seeds of {@code settings} (small ones dropped) grown over {@code foreground} down the interior map,
	 * numbered 1..count; 0 where no seed reached.
	 */
	private static int[] grownSeeds(final float[] interior, final float[] notInterior, final boolean[] foreground,
		final int width, final int height, final Settings settings)
	{
		final int[] markers = new int[interior.length];
		final int count = ConnectedComponents.label(seeds(interior, foreground, width, height, settings), width,
			height, Connectivity.FOUR, markers);
		ConnectedComponents.removeSmall(markers, count, settings.minMarkerArea);
		return Watershed.flood(notInterior, markers, foreground, width, height, 0);
	}

	private static boolean[] seeds(final float[] interior, final boolean[] foreground, final int width,
		final int height, final Settings settings)
	{
		if (settings.markerDynamic > 0) return ExtendedMaxima.of(interior, foreground, width, height,
			settings.markerDynamic, settings.markerThreshold);
		final boolean[] seeds = new boolean[interior.length];
		for (int i = 0; i < seeds.length; i++)
			seeds[i] = foreground[i] && interior[i] >= settings.markerThreshold;
		return seeds;
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
