package org.fewshotct.core.instances;

import java.util.Arrays;

import org.fewshotct.core.filter.Sobel;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;
import org.fewshotct.core.label.Watershed;

/**
 * Splits a decoded instance that holds two organs of different density: where the network saw a faint edge
 * between them but no saddle deep enough to seed both, one instance runs over both (a non-contrast liver over
 * the kidney, gallbladder and duodenum beside it, the liver over the spleen). Neither is darker than the
 * instance's median when the two are mixed about evenly, so {@link DarkerRegions} leaves them whole.
 * <p>
 * In each instance of at least {@value DarkerRegions#MIN_INSTANCE} pixels, the soft-tissue intensities of its
 * core (the instance eroded by {@value DarkerRegions#EDGE} pixels, as {@link DarkerRegions} reads it, between fat
 * and {@value #CORE_HIGH_HU} HU; its smoothed intensities) are parted in two by Otsu's threshold. Where the two populations' means lie at least
 * {@value #GAP_HU} HU apart and each holds at least {@value #MIN_SHARE} of the core, each population's pixels,
 * opened by {@value #OPENING} pixels (a streak or band is no organ), fall into connected parts; with two or more
 * parts of at least {@value #MIN_PART} pixels after the opening's erosion, the parts flood the instance over the
 * intensity's gradient. The split is kept only where the network's boundary map rises along it (at least
 * {@value #MIN_BOUNDARY} on average over the pixels on the split): the two populations are then structures the
 * network itself began to part, not the density steps inside one structure (beam-hardening streaks across the
 * bladder, fat marbling a muscle, a liver's gradient below the lung) where its boundary map stays flat. The
 * largest part keeps the label. All neighbourhoods are 4-connected.
 * </p>
 */
public final class IntensityPopulations {

	/** Two populations whose means lie closer are one structure's spread. */
	public static final double GAP_HU = 30;
	/** Above this the core is enhanced vessel or bone, not an organ's parenchyma. */
	public static final double CORE_HIGH_HU = 200;
	/** Fewer core pixels give no histogram to part. */
	static final int MIN_CORE = 2000;
	/** Each population's share of the core at least. */
	static final double MIN_SHARE = 0.15;
	static final int OPENING = 6;
	static final int MIN_PART = 500;
	/** The mean boundary probability along the split at least. */
	static final double MIN_BOUNDARY = 0.35;

	private IntensityPopulations() {}

	/**
	 * {@code labels} (0 = background) with every instance that holds two density populations parted as above, in
	 * place; {@code boundary} is the decoder's boundary map.
	 */
	public static int[] split(final int[] labels, final DarkerRegions.Slice slice, final float[] boundary,
		final int width, final int height)
	{
		final int n = width * height;
		final int maxLabel = LabelShares.maxLabel(labels);
		final int[] area = new int[maxLabel + 1];
		for (final int label : labels)
			area[label]++;
		final boolean[] core = DarkerRegions.cores(labels, area, width, height);
		for (int i = 0; i < n; i++)
			core[i] &= slice.smoothed[i] > slice.fat && slice.smoothed[i] < slice.populationHigh;
		final float[] threshold = thresholds(labels, core, slice, maxLabel);
		final boolean[] low = new boolean[n], high = new boolean[n];
		for (int i = 0; i < n; i++) {
			if (!core[i] || Float.isNaN(threshold[labels[i]])) continue;
			low[i] = slice.smoothed[i] < threshold[labels[i]];
			high[i] = !low[i];
		}
		final int[] parts = new int[n];
		final int lowCount = openedParts(low, labels, width, height, parts, 0);
		final int count = openedParts(high, labels, width, height, parts, lowCount);
		final int[] owner = new int[count + 1];
		final int[] partArea = new int[count + 1];
		final int[] partsOf = new int[maxLabel + 1];
		for (int i = 0; i < n; i++) {
			if (parts[i] == 0) continue;
			owner[parts[i]] = labels[i];
			partArea[parts[i]]++;
		}
		for (int p = 1; p <= count; p++)
			if (partArea[p] >= MIN_PART) partsOf[owner[p]]++;
		boolean any = false;
		for (int i = 0; i < n; i++) {
			final int p = parts[i];
			if (p == 0) continue;
			if (partArea[p] < MIN_PART || partsOf[owner[p]] < 2) parts[i] = 0;
			else any = true;
		}
		if (!any) return labels;
		// undo the opening's erosion within each population, then flood the rest of the instance
		final int[] lowParts = new int[n], highParts = new int[n];
		for (int i = 0; i < n; i++)
			(parts[i] > lowCount ? highParts : lowParts)[i] = parts[i];
		InstanceErosion.grow(lowParts, low, labels, width, height, OPENING);
		InstanceErosion.grow(highParts, high, labels, width, height, OPENING);
		final boolean[] splitting = new boolean[n];
		for (int i = 0; i < n; i++) {
			parts[i] = lowParts[i] != 0 ? lowParts[i] : highParts[i];
			splitting[i] = labels[i] != 0 && partsOf[labels[i]] >= 2;
		}
		final double[] smoothed = new double[n];
		for (int i = 0; i < n; i++)
			smoothed[i] = slice.smoothed[i];
		final double[] gradient = new double[n];
		Sobel.magnitude(smoothed, width, height, gradient);
		final int[] flooded = Watershed.flood(gradient, parts, splitting, width, height, 0);
		final boolean[] kept = keptSplits(labels, flooded, boundary, maxLabel, width, height);
		relabel(labels, flooded, kept, owner, count, maxLabel);
		return labels;
	}

	/** Each instance's Otsu threshold over its core, NaN where it has no two populations far enough apart. */
	private static float[] thresholds(final int[] labels, final boolean[] core, final DarkerRegions.Slice slice,
		final int maxLabel)
	{
		final float[][] values = LabelShares.valuesIn(labels, core, slice.smoothed, maxLabel, MIN_CORE);
		final float[] threshold = new float[maxLabel + 1];
		Arrays.fill(threshold, Float.NaN);
		for (int label = 1; label <= maxLabel; label++)
			if (values[label] != null) threshold[label] = otsu(values[label], slice.populationGap);
		return threshold;
	}

	/**
	 * The threshold between the two classes of {@code values} that maximises their between-class variance
	 * (Otsu), NaN where the classes' means lie less than {@code gap} apart or one holds less than
	 * {@link #MIN_SHARE} of the values.
	 */
	static float otsu(final float[] values, final float gap) {
		Arrays.sort(values);
		final int m = values.length;
		double total = 0;
		for (final float v : values)
			total += v;
		double below = 0;
		double best = -1;
		int split = -1;
		for (int k = 1; k < m; k++) {
			below += values[k - 1];
			if (values[k] == values[k - 1]) continue;
			final double lowMean = below / k, highMean = (total - below) / (m - k);
			final double between = (double) k * (m - k) * (highMean - lowMean) * (highMean - lowMean);
			if (between > best) {
				best = between;
				split = k;
			}
		}
		if (split < 0 || split < MIN_SHARE * m || m - split < MIN_SHARE * m) return Float.NaN;
		double lowSum = 0;
		for (int k = 0; k < split; k++)
			lowSum += values[k];
		final double lowMean = lowSum / split, highMean = (total - lowSum) / (m - split);
		return highMean - lowMean >= gap ? values[split] : Float.NaN;
	}

	/** The parts of {@code mask} opened by {@link #OPENING} within their instances, numbered from first + 1. */
	private static int openedParts(final boolean[] mask, final int[] labels, final int width, final int height,
		final int[] parts, final int first)
	{
		final boolean[] eroded = InstanceErosion.erode(mask, labels, width, height, OPENING);
		final int[] own = new int[mask.length];
		final int count = ConnectedComponents.label(eroded, width, height, Connectivity.FOUR, own);
		for (int i = 0; i < mask.length; i++)
			if (own[i] != 0) parts[i] = first + own[i];
		return first + count;
	}

	/** Per instance: whether the boundary map rises along the split its parts flooded. */
	private static boolean[] keptSplits(final int[] labels, final int[] flooded, final float[] boundary,
		final int maxLabel, final int width, final int height)
	{
		final double[] sum = new double[maxLabel + 1];
		final int[] count = new int[maxLabel + 1];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				if (flooded[i] == 0) continue;
				// on the split: its right or lower neighbour lies in the same instance and in another part
				final boolean right = x + 1 < width && labels[i + 1] == labels[i] && flooded[i + 1] != 0 &&
					flooded[i + 1] != flooded[i];
				final boolean down = y + 1 < height && labels[i + width] == labels[i] && flooded[i + width] != 0 &&
					flooded[i + width] != flooded[i];
				if (!right && !down) continue;
				sum[labels[i]] += boundary[i];
				count[labels[i]]++;
			}
		final boolean[] kept = new boolean[maxLabel + 1];
		for (int label = 1; label <= maxLabel; label++)
			kept[label] = count[label] > 0 && sum[label] / count[label] >= MIN_BOUNDARY;
		return kept;
	}

	/** The largest part of each kept instance keeps its label; the others get new ones after {@code maxLabel}. */
	private static void relabel(final int[] labels, final int[] flooded, final boolean[] kept, final int[] owner,
		final int count, final int maxLabel)
	{
		final int[] floodedArea = new int[count + 1];
		for (final int p : flooded)
			floodedArea[p]++;
		final int[] largest = new int[maxLabel + 1];
		for (int p = 1; p <= count; p++)
			if (floodedArea[p] > 0 && (largest[owner[p]] == 0 || floodedArea[p] > floodedArea[largest[owner[p]]]))
				largest[owner[p]] = p;
		final int[] newLabel = new int[count + 1];
		int next = maxLabel;
		for (int p = 1; p <= count; p++)
			if (floodedArea[p] > 0 && kept[owner[p]]) newLabel[p] = p == largest[owner[p]] ? owner[p] : ++next;
		for (int i = 0; i < labels.length; i++)
			if (newLabel[flooded[i]] != 0) labels[i] = newLabel[flooded[i]];
	}
}
