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
 * <p>
 * Small lesions (a metastasis of 1-2 cm) do not survive that opening, and a lower bar alone carves bands too (an
 * organ's instance that runs over the darker muscle beside it). So {@link #split(int[], Slice, int, int, boolean)}
 * can also carve small darker blobs: the darker pixels opened by only {@value #SMALL_OPENING} pixels, parts of at
 * least {@value #MIN_SMALL_PART} pixels after the erosion, kept where they look like a lesion in an organ: the
 * instance's median is soft tissue (below {@value #ORGAN_HIGH_HU} HU: bone holds darker marrow, an enhanced
 * kidney its medulla), the instance surrounds at least {@value #MIN_ENCLOSED} of the part's border, and the part
 * is round (a disc of its inscribed radius covers at least {@value #MIN_ROUNDNESS} of it). Each such blob is
 * then grown to its edge, where the intensity has risen {@value #EDGE_CONTRAST} of the way from the blob's mean
 * to its instance's median (the darker pixels alone stop short of a small lesion's blurred rim), at most its
 * inscribed radius further.
 * </p>
 * <p>
 * The large regions can be grown to their edge by the same rule ({@code growLarge}): a large tumour's rim (partial
 * volume, a soft margin) is less than {@value #STEP_HU} HU darker than the organ, so the darker pixels leave it to
 * the organ's instance.
 * </p>
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
	/** The opening of the darker pixels for small lesions, in pixels. */
	static final int SMALL_OPENING = 4;
	/** Smaller darker parts (after the small opening) are noise or vessels' gaps. */
	static final int MIN_SMALL_PART = 100;
	/** An instance brighter than this (its median) is bone or an enhanced kidney, not an organ with lesions. */
	static final double ORGAN_HIGH_HU = 150;
	/** A small lesion lies inside its organ: the organ's share of the border of the part. */
	static final double MIN_ENCLOSED = 0.8;
	/** A small lesion is round: the share of the part that a disc of its inscribed radius covers. */
	static final double MIN_ROUNDNESS = 0.6;
	/**
	 * A small lesion grows while its pixels stay darker than this share of the way from its mean to its organ's
	 * median: its rim, blurred by the smoothing and partial volume, lies past half contrast.
	 */
	static final double EDGE_CONTRAST = 0.75;

	private DarkerRegions() {}

	/** A slice's smoothed soft-tissue intensities and the levels to compare them with, in unit intensities. */
	public static final class Slice {

		final float[] smoothed;
		final float[] unit;
		final float fat;
		final float step;
		final float organHigh;
		/** {@link IntensityPopulations}' gap between two populations' means and the top of an organ's core. */
		final float populationGap;
		final float populationHigh;

		private Slice(final float[] smoothed, final float[] unit, final float[] levels) {
			this.smoothed = smoothed;
			this.unit = unit;
			this.fat = levels[2];
			this.step = levels[3];
			this.organHigh = levels[4];
			this.populationGap = levels[5];
			this.populationHigh = levels[6];
		}
	}

	/**
	 * The levels of a CT stored on {@code scale} seen through {@code window}, in unit intensities: the soft-tissue
	 * range, the top of fat, the step, the top of an organ with lesions, and {@link IntensityPopulations}' gap and
	 * top of an organ's core.
	 */
	public static float[] levels(final IntensityWindow window, final HounsfieldScale scale) {
		final float low = window.unit(scale.stored(LOW_HU));
		return new float[] { low, window.unit(scale.stored(HIGH_HU)), window.unit(scale.stored(
			FatPlanes.FAT_HIGH_HU)), window.unit(scale.stored(LOW_HU + STEP_HU)) - low, window.unit(scale.stored(
				ORGAN_HIGH_HU)), window.unit(scale.stored(LOW_HU + IntensityPopulations.GAP_HU)) - low, window.unit(
					scale.stored(IntensityPopulations.CORE_HIGH_HU)) };
	}

	/** A slice of unit intensities, smoothed, for {@link #split} and {@link IntensityPopulations#split}. */
	public static Slice of(final float[] unit, final float[] levels, final int width, final int height) {
		final float[] smoothed = new float[unit.length];
		for (int i = 0; i < unit.length; i++)
			smoothed[i] = Math.max(levels[0], Math.min(levels[1], unit[i]));
		GaussianFilter.blur(smoothed, smoothed, width, height, SIGMA);
		return new Slice(smoothed, unit, levels);
	}

	/** {@code labels} (0 = background) with the darker regions of every instance carved out, in place. */
	public static int[] split(final int[] labels, final Slice slice, final int width, final int height) {
		return split(labels, slice, width, height, false, false);
	}

	/**
	 * {@code labels} (0 = background) with the darker regions of every instance carved out, in place, with
	 * {@code growLarge} each grown to its edge, and with {@code smallLesions} then the small darker blobs that look
	 * like lesions too.
	 */
	public static int[] split(final int[] labels, final Slice slice, final int width, final int height,
		final boolean smallLesions, final boolean growLarge)
	{
		int instances = 0;
		for (final int label : labels)
			instances = Math.max(instances, label);
		carve(labels, slice, width, height, instances, false, growLarge);
		if (smallLesions) carve(labels, slice, width, height, instances, true, true);
		return labels;
	}

	/**
	 * Carves the darker parts of the instances labelled 1..{@code instances}, large or small ones, with
	 * {@code grow} grown to their edge.
	 */
	private static void carve(final int[] labels, final Slice slice, final int width, final int height,
		final int instances, final boolean small, final boolean grow)
	{
		final int n = width * height;
		final int maxLabel = LabelShares.maxLabel(labels);
		final int[] area = new int[maxLabel + 1];
		for (final int label : labels)
			area[label]++;
		final boolean[] core = cores(labels, area, width, height);
		final float[] median = coreMedians(labels, core, slice, area);
		final boolean[] darker = new boolean[n];
		for (int i = 0; i < n; i++) {
			final int label = labels[i];
			darker[i] = label != 0 && label <= instances && area[label] >= MIN_INSTANCE && slice.smoothed[i] > slice.fat &&
				slice.smoothed[i] < median[label] - slice.step;
		}
		final int opening = small ? SMALL_OPENING : OPENING;
		final boolean[] opened = InstanceErosion.erode(darker, labels, width, height, opening);
		final int[] parts = new int[n];
		final int count = ConnectedComponents.label(opened, width, height, Connectivity.FOUR, parts);
		final int[] partArea = new int[count + 1];
		for (int i = 0; i < n; i++)
			partArea[parts[i]]++;
		final boolean[] kept = new boolean[count + 1];
		boolean any = false;
		for (int p = 1; p <= count; p++)
			any |= kept[p] = partArea[p] >= (small ? MIN_SMALL_PART : MIN_PART);
		if (!any) return;
		for (int i = 0; i < n; i++)
			if (!kept[parts[i]]) parts[i] = 0;
		InstanceErosion.grow(parts, darker, labels, width, height, opening);
		final int[] grownArea = new int[count + 1];
		final int[] owner = new int[count + 1];
		for (int i = 0; i < n; i++) {
			grownArea[parts[i]]++;
			owner[parts[i]] = labels[i];
		}
		final boolean[] carved = new boolean[count + 1];
		for (int p = 1; p <= count; p++)
			carved[p] = kept[p] && grownArea[p] <= area[owner[p]] / 2;
		final int[] radius = small || grow ? inscribedRadii(parts, count, width, height) : null;
		if (small) keepLesions(parts, carved, owner, median, labels, slice, grownArea, radius, width, height);
		if (grow) growToEdge(parts, carved, owner, median, labels, slice, grownArea, radius, width, height);
		int next = maxLabel;
		final int[] newLabel = new int[count + 1];
		for (int p = 1; p <= count; p++)
			if (carved[p]) newLabel[p] = ++next;
		for (int i = 0; i < n; i++)
			if (newLabel[parts[i]] != 0) labels[i] = newLabel[parts[i]];
	}

	/**
	 * Of the small darker parts (of {@code area} pixels each), keeps carved those that look like a lesion in an
	 * organ: soft-tissue instance, enclosed by it, round (a disc of its inscribed {@code radius} covers enough of
	 * it).
	 */
	private static void keepLesions(final int[] parts, final boolean[] carved, final int[] owner,
		final float[] median, final int[] labels, final Slice slice, final int[] area, final int[] radius,
		final int width, final int height)
	{
		final int count = carved.length - 1;
		final int[] border = new int[count + 1];
		final int[] enclosed = new int[count + 1];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				final int p = parts[i];
				if (p == 0) continue;
				for (int d = 0; d < 4; d++) {
					final int j = InstanceErosion.neighbour(x, y, d, width, height);
					if (j < 0 || parts[j] == p) continue;
					border[p]++;
					if (labels[j] == owner[p]) enclosed[p]++;
				}
			}
		for (int p = 1; p <= count; p++)
			carved[p] &= median[owner[p]] < slice.organHigh && enclosed[p] >= MIN_ENCLOSED * border[p] && Math.PI *
				radius[p] * radius[p] >= MIN_ROUNDNESS * area[p];
	}

	/**
	 * Grows each carved part (of {@code area} pixels) within its instance to its edge, where the intensity has
	 * risen {@value #EDGE_CONTRAST} of the way from the part's mean to its instance's median, at most its inscribed
	 * {@code radius} further, not into another part nor into fat.
	 */
	private static void growToEdge(final int[] parts, final boolean[] carved, final int[] owner,
		final float[] median, final int[] labels, final Slice slice, final int[] area, final int[] radius,
		final int width, final int height)
	{
		final int count = carved.length - 1;
		final double[] sum = new double[count + 1];
		for (int i = 0; i < parts.length; i++)
			sum[parts[i]] += slice.smoothed[i];
		final float[] edge = new float[count + 1];
		for (int p = 1; p <= count; p++) {
			final double mean = sum[p] / Math.max(1, area[p]);
			edge[p] = (float) (mean + EDGE_CONTRAST * (median[owner[p]] - mean));
		}
		final int[] steps = new int[parts.length];
		final int[] queue = new int[parts.length];
		int head = 0, tail = 0;
		for (int i = 0; i < parts.length; i++)
			if (carved[parts[i]]) queue[tail++] = i;
		while (head < tail) {
			final int i = queue[head++];
			final int p = parts[i];
			if (steps[i] >= radius[p]) continue;
			for (int d = 0; d < 4; d++) {
				final int j = InstanceErosion.neighbour(i % width, i / width, d, width, height);
				if (j < 0 || parts[j] != 0 || labels[j] != owner[p] || slice.smoothed[j] >= edge[p] ||
					slice.smoothed[j] <= slice.fat) continue;
				parts[j] = p;
				steps[j] = steps[i] + 1;
				queue[tail++] = j;
			}
		}
	}

	/** Each part's inscribed radius: its pixels' largest city-block distance to the outside (1 on its edge). */
	private static int[] inscribedRadii(final int[] parts, final int count, final int width, final int height) {
		final int[] radius = new int[count + 1];
		final int[] distance = new int[parts.length];
		final int[] queue = new int[parts.length];
		int head = 0, tail = 0;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				if (parts[i] == 0) continue;
				for (int d = 0; d < 4; d++) {
					final int j = InstanceErosion.neighbour(x, y, d, width, height);
					if (j < 0 || parts[j] != parts[i]) {
						distance[i] = 1;
						queue[tail++] = i;
						break;
					}
				}
			}
		while (head < tail) {
			final int i = queue[head++];
			radius[parts[i]] = Math.max(radius[parts[i]], distance[i]);
			for (int d = 0; d < 4; d++) {
				final int j = InstanceErosion.neighbour(i % width, i / width, d, width, height);
				if (j < 0 || distance[j] != 0 || parts[j] != parts[i]) continue;
				distance[j] = distance[i] + 1;
				queue[tail++] = j;
			}
		}
		return radius;
	}

	/**
	 * The cores of the instances of at least {@link #MIN_INSTANCE} pixels ({@code area} per label): each eroded by
	 * {@link #EDGE} pixels, as its edges are partial volume. {@link IntensityPopulations} reads the same cores.
	 */
	static boolean[] cores(final int[] labels, final int[] area, final int width, final int height) {
		final boolean[] mask = new boolean[labels.length];
		for (int i = 0; i < labels.length; i++)
			mask[i] = labels[i] != 0 && area[labels[i]] >= MIN_INSTANCE;
		return InstanceErosion.erode(mask, labels, width, height, EDGE);
	}

	/**
	 * The median smoothed intensity of each instance's core pixels above fat; an instance without enough core
	 * (less than half its minimum area) gets negative infinity, so nothing in it is darker.
	 */
	private static float[] coreMedians(final int[] labels, final boolean[] core, final Slice slice,
		final int[] area)
	{
		final boolean[] aboveFat = new boolean[labels.length];
		for (int i = 0; i < labels.length; i++)
			aboveFat[i] = core[i] && slice.unit[i] > slice.fat;
		final float[][] values = LabelShares.valuesIn(labels, aboveFat, slice.smoothed, area.length - 1,
			MIN_INSTANCE / 2);
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
