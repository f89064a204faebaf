package org.fewshotct.core.instances;

import java.util.Arrays;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.filter.GaussianFilter;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;

/**
 * Carves darker regions out of decoded instances: a lesion inside an organ (a liver tumour, 20-40 HU darker
 * than the parenchyma) is a structure of its own, yet a network that saw few or none of them labels it as part
 * of its organ. In each instance of at least {@link #MIN_INSTANCE} pixels, the soft-tissue intensities (clipped
 * to {@value #LOW_HU}..{@value #HIGH_HU} HU so that air and bone do not bleed in, smoothed with a Gaussian of
 * {@value #SIGMA} pixels) are compared with their median over the instance's core (the instance eroded by
 * {@value #EDGE} pixels, fat left out); the pixels at least {@value #STEP_HU} HU darker and above fat, opened by
 * {@value #OPENING} pixels so that bands (partial volume at edges, a darker rim beside fluid) drop out, fall into
 * connected parts, and each part of at least {@link #MIN_PART} pixels after the opening's erosion, and at most
 * half of its instance, becomes an instance of its own. All neighbourhoods are 4-connected.
 */
public final class DarkerRegions {

	/** A region this much darker than its instance's median is carved out. */
	public static final double STEP_HU = 25;
	/** Soft tissue lies between these; intensities are clipped to them before smoothing. */
	public static final double LOW_HU = -100;
	public static final double HIGH_HU = 300;
	static final double SIGMA = 2;
	/** Erosion of the instance for its median, in pixels: its edges are partial volume. */
	static final int EDGE = 3;
	/**
	 * Opening of the darker pixels, in pixels: a lesion is a blob, while bands as thick as twice this (a darker
	 * rim of an organ beside fluid, beam hardening along the spine) are not structures of their own.
	 */
	static final int OPENING = 6;
	/** Smaller instances keep whole: too little organ to tell a lesion from noise. */
	static final int MIN_INSTANCE = 3000;
	/** Smaller darker parts (after the opening) are noise, vessels' gaps or partial volume, not lesions. */
	static final int MIN_PART = 800;

	private DarkerRegions() {}

	/** A slice's smoothed soft-tissue intensities and the levels to compare them with, in unit intensities. */
	public static final class Slice {

		final float[] smoothed;
		final float[] unit;
		final float fat;
		final float step;

		private Slice(final float[] smoothed, final float[] unit, final float fat, final float step) {
			this.smoothed = smoothed;
			this.unit = unit;
			this.fat = fat;
			this.step = step;
		}
	}

	/**
	 * The levels of a CT stored on {@code scale} seen through {@code window}, in unit intensities: the soft-tissue
	 * range, the top of fat, and the step.
	 */
	public static float[] levels(final IntensityWindow window, final HounsfieldScale scale) {
		final float low = window.unit(scale.stored(LOW_HU));
		return new float[] { low, window.unit(scale.stored(HIGH_HU)), window.unit(scale.stored(FatPlanes.FAT_HIGH_HU)),
			window.unit(scale.stored(LOW_HU + STEP_HU)) - low };
	}

	/** A slice of unit intensities, smoothed, for {@link #split}. */
	public static Slice of(final float[] unit, final float[] levels, final int width, final int height) {
		final float[] smoothed = new float[unit.length];
		for (int i = 0; i < unit.length; i++)
			smoothed[i] = Math.max(levels[0], Math.min(levels[1], unit[i]));
		GaussianFilter.blur(smoothed, smoothed, width, height, SIGMA);
		return new Slice(smoothed, unit, levels[2], levels[3]);
	}

	/** {@code labels} (0 = background) with the darker regions of every instance carved out, in place. */
	public static int[] split(final int[] labels, final Slice slice, final int width, final int height) {
		final int n = width * height;
		int maxLabel = 0;
		for (final int label : labels)
			maxLabel = Math.max(maxLabel, label);
		final int[] area = new int[maxLabel + 1];
		for (final int label : labels)
			area[label]++;
		final boolean[] core = InstanceErosion.erode(instanceMask(labels, area), labels, width, height, EDGE);
		final float[] median = coreMedians(labels, core, slice, area);
		final boolean[] darker = new boolean[n];
		for (int i = 0; i < n; i++) {
			final int label = labels[i];
			darker[i] = label != 0 && area[label] >= MIN_INSTANCE && slice.smoothed[i] > slice.fat &&
				slice.smoothed[i] < median[label] - slice.step;
		}
		final boolean[] opened = InstanceErosion.erode(darker, labels, width, height, OPENING);
		final int[] parts = new int[n];
		final int count = ConnectedComponents.label(opened, width, height, Connectivity.FOUR, parts);
		final int[] partArea = new int[count + 1];
		for (int i = 0; i < n; i++)
			partArea[parts[i]]++;
		final boolean[] kept = new boolean[count + 1];
		boolean any = false;
		for (int p = 1; p <= count; p++)
			any |= kept[p] = partArea[p] >= MIN_PART;
		if (!any) return labels;
		for (int i = 0; i < n; i++)
			if (!kept[parts[i]]) parts[i] = 0;
		InstanceErosion.grow(parts, darker, labels, width, height, OPENING);
		final int[] grownArea = new int[count + 1];
		final int[] owner = new int[count + 1];
		for (int i = 0; i < n; i++) {
			grownArea[parts[i]]++;
			owner[parts[i]] = labels[i];
		}
		int next = maxLabel;
		final int[] newLabel = new int[count + 1];
		for (int p = 1; p <= count; p++)
			if (kept[p] && grownArea[p] <= area[owner[p]] / 2) newLabel[p] = ++next;
		for (int i = 0; i < n; i++)
			if (newLabel[parts[i]] != 0) labels[i] = newLabel[parts[i]];
		return labels;
	}

	private static boolean[] instanceMask(final int[] labels, final int[] area) {
		final boolean[] mask = new boolean[labels.length];
		for (int i = 0; i < labels.length; i++)
			mask[i] = labels[i] != 0 && area[labels[i]] >= MIN_INSTANCE;
		return mask;
	}

	/**
	 * The median smoothed intensity of each instance's core pixels above fat; an instance without enough core
	 * (less than half its minimum area) gets negative infinity, so nothing in it is darker.
	 */
	private static float[] coreMedians(final int[] labels, final boolean[] core, final Slice slice,
		final int[] area)
	{
		final int[] count = new int[area.length];
		for (int i = 0; i < labels.length; i++)
			if (core[i] && slice.unit[i] > slice.fat) count[labels[i]]++;
		final float[][] values = new float[area.length][];
		for (int label = 1; label < area.length; label++)
			if (count[label] >= MIN_INSTANCE / 2) values[label] = new float[count[label]];
		final int[] filled = new int[area.length];
		for (int i = 0; i < labels.length; i++)
			if (core[i] && slice.unit[i] > slice.fat && values[labels[i]] != null) values[labels[i]][filled[labels[i]]++] =
				slice.smoothed[i];
		final float[] median = new float[area.length];
		Arrays.fill(median, Float.NEGATIVE_INFINITY);
		for (int label = 1; label < area.length; label++) {
			if (values[label] == null) continue;
			Arrays.sort(values[label]);
			final int m = values[label].length;
			median[label] = m % 2 == 1 ? values[label][m / 2] : (values[label][m / 2 - 1] + values[label][m / 2]) / 2;
		}
		return median;
	}
}
