package org.fewshotct.core.instances;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;

/**
 * The HU levels that the decoder's splits ({@link FatPlanes}, {@link DarkerRegions}), its air regions
 * ({@link AirRegions}) and its joins of bone ({@link BonePieces}, {@link TouchingBones}) compare a slice with, in
 * the unit intensities of one stack (its window and HU calibration), so that a CT in any encoding is decoded alike.
 */
public final class TissueLevels {

	/**
	 * What the decoder's splits and joins need of one slice: its fat, smoothed intensities, air and bone, each
	 * where asked for.
	 */
	public static final class Slice {

		/** The slice's fat ({@link FatPlanes#of}), or null. */
		final boolean[] fat;
		/** The slice made ready for {@link DarkerRegions#split}, or null. */
		final DarkerRegions.Slice darker;
		/** The slice's air ({@link AirRegions#of}), or null. */
		final boolean[] air;
		/** The slice's bone ({@link BonePieces#of}), or null. */
		final boolean[] bone;
		/** The slice's dense bone ({@link TouchingBones}, {@link BoneInSoftTissue}), or null. */
		final boolean[] denseBone;

		private Slice(final boolean[] fat, final DarkerRegions.Slice darker, final boolean[] air,
			final boolean[] bone, final boolean[] denseBone)
		{
			this.fat = fat;
			this.darker = darker;
			this.air = air;
			this.bone = bone;
			this.denseBone = denseBone;
		}

		/** A slice known only by its fat. */
		static Slice ofFat(final boolean[] fat) {
			return new Slice(fat, null, null, null, null);
		}
	}

	private final float[] fatBand;
	private final float[] darker;
	private final float air;
	private final float bone;
	private final IntensityWindow window;
	private final HounsfieldScale scale;

	private TissueLevels(final float[] fatBand, final float[] darker, final float air, final float bone,
		final IntensityWindow window, final HounsfieldScale scale)
	{
		this.fatBand = fatBand;
		this.darker = darker;
		this.air = air;
		this.bone = bone;
		this.window = window;
		this.scale = scale;
	}

	/** The levels of a CT stored on {@code scale} and seen through {@code window}. */
	public static TissueLevels of(final IntensityWindow window, final HounsfieldScale scale) {
		return new TissueLevels(FatPlanes.bandUnits(window, scale), DarkerRegions.levels(window, scale), BodyMask
			.airUnit(window, scale), BonePieces.boneUnit(window, scale), window, scale);
	}

	/**
	 * A slice of unit intensities made ready for the splits that {@code settings} ask for (and only those: the
	 * smoothing costs), once for every decoding of it with such settings.
	 */
	public Slice slice(final float[] unit, final int width, final int height, final InstanceDecoder.Settings settings) {
		final float[] smoothed = settings.joinBonePieces() || settings.usesCortex() ? BonePieces.smoothed(unit, width,
			height) : null;
		// the intensity populations read the darker regions' smoothed intensities
		final boolean smoothedSoftTissue = settings.splitDarkerRegions() || settings.splitIntensityPopulations();
		return new Slice(settings.splitFatPlanes() ? FatPlanes.of(unit, fatBand) : null, smoothedSoftTissue
			? DarkerRegions.of(unit, darker, width, height) : null, settings.keepAirRegionsWhole() ? AirRegions.of(unit,
				air) : null, smoothed != null ? BonePieces.above(smoothed, bone) : null, settings.usesCortex()
					? BonePieces.above(smoothed, TouchingBones.denseUnit(window, scale, settings.cortexHu())) : null);
	}
}
