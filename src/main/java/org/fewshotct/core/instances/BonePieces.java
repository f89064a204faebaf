package org.fewshotct.core.instances;

import java.util.HashMap;
import java.util.Map;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.filter.GaussianFilter;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;

/**
 * Joins the pieces of one bone. A network that learned vertebrae and ribs from a few slices cuts a vertebral
 * body, a femoral head or the sacrum, whose marrow is darker than their cortex, into pieces along the marrow.
 * The bone of a slice (above {@value #BONE_HU} HU after a Gaussian of {@value #SIGMA} pixel) with the holes it
 * encloses filled falls into 4-connected regions; in each region that encloses marrow (at least
 * {@value #MIN_MARROW} pixels of holes) and is no larger than {@value #MAX_REGION} pixels (a pelvic ring fused
 * at its joints in a soft scan encloses organs, not marrow), every instance that reaches into the marrow and lies
 * at least {@value #INSIDE} within the region joins the instance that holds most of the region's bone.
 */
public final class BonePieces {

	/** Denser than this is bone (or a contrast-enhanced wall), after the smoothing. */
	public static final double BONE_HU = 150;
	static final double SIGMA = 1;
	/** Fewer enclosed pixels are gaps between trabeculae, not marrow. */
	static final int MIN_MARROW = 20;
	/** Larger regions are rings of several bones (the pelvis, the ribcage) around soft tissue. */
	static final int MAX_REGION = 10000;
	/** The share of an instance's pixels that must lie within the region for it to be a piece of that bone. */
	static final double INSIDE = 0.6;

	private BonePieces() {}

	/** The unit intensity (through {@code window}) of {@link #BONE_HU} in a CT stored on this scale. */
	public static float boneUnit(final IntensityWindow window, final HounsfieldScale scale) {
		return window.unit(scale.stored(BONE_HU));
	}

	/**
	 * The pixels of a slice of unit intensities above {@code level} after the smoothing above: its bone at
	 * {@link #boneUnit}, its cortex at {@link TouchingBones#denseUnit}.
	 */
	public static boolean[] of(final float[] unit, final float level, final int width, final int height) {
		return above(smoothed(unit, width, height), level);
	}

	/** The slice smoothed as above, once for every level {@link #above} compares it with. */
	static float[] smoothed(final float[] unit, final int width, final int height) {
		final float[] smoothed = new float[unit.length];
		GaussianFilter.blur(unit, smoothed, width, height, SIGMA);
		return smoothed;
	}

	/** The pixels of a {@link #smoothed} slice above {@code level}. */
	static boolean[] above(final float[] smoothed, final float level) {
		final boolean[] above = new boolean[smoothed.length];
		for (int i = 0; i < smoothed.length; i++)
			above[i] = smoothed[i] > level;
		return above;
	}

	/** {@code labels} (0 = background) with the pieces of each bone joined as above, in place. */
	public static int[] join(final int[] labels, final boolean[] bone, final int width, final int height) {
		final int n = width * height;
		final boolean[] marrow = ConnectedComponents.holes(bone, width, height);
		final boolean[] filled = new boolean[n];
		for (int i = 0; i < n; i++)
			filled[i] = bone[i] || marrow[i];
		final int[] regions = new int[n];
		final int count = ConnectedComponents.label(filled, width, height, Connectivity.FOUR, regions);
		final int[] area = new int[count + 1];
		final int[] marrowArea = new int[count + 1];
		int maxLabel = 0;
		for (int i = 0; i < n; i++) {
			area[regions[i]]++;
			if (marrow[i]) marrowArea[regions[i]]++;
			maxLabel = Math.max(maxLabel, labels[i]);
		}
		final boolean[] bonePiece = new boolean[count + 1];
		boolean any = false;
		for (int r = 1; r <= count; r++)
			any |= bonePiece[r] = marrowArea[r] >= MIN_MARROW && area[r] <= MAX_REGION;
		if (!any) return labels;
		// per region: the pixels of each instance within it, those on its bone, and which instances reach its marrow
		final Map<Long, int[]> within = new HashMap<>();
		final int[] labelArea = new int[maxLabel + 1];
		for (int i = 0; i < n; i++) {
			labelArea[labels[i]]++;
			final int r = regions[i];
			if (labels[i] == 0 || !bonePiece[r]) continue;
			final int[] counts = within.computeIfAbsent((long) r << 32 | labels[i], k -> new int[3]);
			counts[0]++;
			if (bone[i]) counts[1]++;
			if (marrow[i]) counts[2] = 1;
		}
		final int[] owner = new int[count + 1];
		final int[] ownerBone = new int[count + 1];
		for (final Map.Entry<Long, int[]> e : within.entrySet()) {
			final int r = (int) (e.getKey() >>> 32);
			if (e.getValue()[1] > ownerBone[r]) {
				ownerBone[r] = e.getValue()[1];
				owner[r] = (int) (long) e.getKey();
			}
		}
		final int[] joined = ConnectedComponents.noJoins(maxLabel);
		for (final Map.Entry<Long, int[]> e : within.entrySet()) {
			final int r = (int) (e.getKey() >>> 32), label = (int) (long) e.getKey();
			final int[] counts = e.getValue();
			if (owner[r] != 0 && label != owner[r] && counts[2] == 1 && counts[0] >= INSIDE * labelArea[label])
				joined[label] = owner[r];
		}
		// a piece's owner may itself be a piece of another bone
		ConnectedComponents.applyJoins(labels, joined);
		return labels;
	}
}
