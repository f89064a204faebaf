package org.fewshotct.core.instances;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;

/**
 * The HU levels that the decoder's splits ({@link FatPlanes}, {@link DarkerRegions}) compare a slice with, in
 * the unit intensities of one stack (its window and HU calibration), so that a CT in any encoding is split alike.
 */
public final class TissueLevels {

	private final float[] fatBand;
	private final float[] darker;

	private TissueLevels(final float[] fatBand, final float[] darker) {
		this.fatBand = fatBand;
		this.darker = darker;
	}

	/** The levels of a CT stored on {@code scale} and seen through {@code window}. */
	public static TissueLevels of(final IntensityWindow window, final HounsfieldScale scale) {
		return new TissueLevels(FatPlanes.bandUnits(window, scale), DarkerRegions.levels(window, scale));
	}

	/** The fat of a slice of unit intensities. */
	public boolean[] fat(final float[] unit) {
		return FatPlanes.of(unit, fatBand);
	}

	/** A slice of unit intensities made ready for {@link DarkerRegions#split}. */
	public DarkerRegions.Slice darker(final float[] unit, final int width, final int height) {
		return DarkerRegions.of(unit, darker, width, height);
	}
}
