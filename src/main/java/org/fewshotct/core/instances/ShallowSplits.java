package org.fewshotct.core.instances;

import java.util.HashMap;
import java.util.Map;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;
import org.fewshotct.core.label.ExtendedMaxima;
import org.fewshotct.core.label.Watershed;

/**
 * Joins the instances that a shallow saddle of the interior map parted, where the network draws no boundary
 * between them. A dome's dynamic reads the saddle at one point, the highest pass to a higher dome: on a scan unlike
 * the training slices (anatomy the masks never showed, another contrast phase) the interior map of one bowel loop
 * or muscle is lumpy, and its lumps rise {@code dynamic} above their passes without any edge between them, while
 * two organs that touch (liver and vena cava) may meet in one low pass along an otherwise clear edge. So the seeds
 * keep the finer dynamic, and two touching instances that domes {@link #COARSE_DYNAMIC} high would have seeded as
 * one are joined where the boundary map along their shared side averages below {@link #BOUNDARY_BAR}: the whole
 * side witnesses, not its highest point. Sides are counted between foreground pixels only, before the background
 * fill, whose borders run through fat the network calls background, with no boundary drawn.
 */
public final class ShallowSplits {

	/** Domes this high above their saddle are structures of their own, whatever the side between them. */
	public static final double COARSE_DYNAMIC = 0.35;
	/**
	 * The least mean boundary probability along a side that keeps a shallow split. On the stored maps of
	 * 2026-12-05 (docs/measurements.md) bars of 0.3-0.5 cost no row more than 0.002, and from 0.55 ircadb1's rows
	 * lose 0.004-0.014.
	 */
	public static final double BOUNDARY_BAR = 0.45;

	private ShallowSplits() {}

	/**
	 * {@code labels} (the seeds' instances grown over {@code foreground}, 0 elsewhere) with the shallow splits
	 * joined as above, in place; {@code markerThreshold} and {@code minMarkerArea} as the seeds had them.
	 */
	public static int[] join(final int[] labels, final float[] interior, final float[] boundary,
		final boolean[] foreground, final int width, final int height, final double dynamic,
		final double markerThreshold, final int minMarkerArea)
	{
		final int n = labels.length;
		final int[] coarse = coarseInstances(interior, foreground, width, height, Math.max(dynamic, COARSE_DYNAMIC),
			markerThreshold, minMarkerArea);
		final int[] coarseOf = majorityCoarse(labels, coarse);
		// per touching pair within one coarse instance: {sum of the boundary map over its sides, sides}
		final Map<Long, double[]> sides = new HashMap<>();
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				if (labels[i] == 0) continue;
				if (x + 1 < width) side(sides, labels, coarseOf, boundary, i, i + 1);
				if (y + 1 < height) side(sides, labels, coarseOf, boundary, i, i + width);
			}
		final int[] parent = new int[coarseOf.length];
		for (int l = 0; l < parent.length; l++)
			parent[l] = l;
		boolean any = false;
		for (final Map.Entry<Long, double[]> e : sides.entrySet()) {
			if (e.getValue()[0] / e.getValue()[1] >= BOUNDARY_BAR) continue;
			final int a = root(parent, LabelContacts.smaller(e.getKey()));
			final int b = root(parent, LabelContacts.larger(e.getKey()));
			if (a == b) continue;
			parent[Math.max(a, b)] = Math.min(a, b);
			any = true;
		}
		if (!any) return labels;
		for (int i = 0; i < n; i++)
			if (labels[i] > 0) labels[i] = root(parent, labels[i]);
		return labels;
	}

	/** The instances that seeds of the coarser dynamic grow into over the same foreground and landscape. */
	private static int[] coarseInstances(final float[] interior, final boolean[] foreground, final int width,
		final int height, final double dynamic, final double markerThreshold, final int minMarkerArea)
	{
		final int n = interior.length;
		final int[] markers = new int[n];
		final int count = ConnectedComponents.label(ExtendedMaxima.of(interior, foreground, width, height, dynamic,
			markerThreshold), width, height, Connectivity.FOUR, markers);
		ConnectedComponents.removeSmall(markers, count, minMarkerArea);
		final float[] notInterior = new float[n];
		for (int i = 0; i < n; i++)
			notInterior[i] = 1 - interior[i];
		return Watershed.flood(notInterior, markers, foreground, width, height, 0);
	}

	/** Per label of {@code labels}, the coarse instance that holds most of its pixels (0 where none does). */
	private static int[] majorityCoarse(final int[] labels, final int[] coarse) {
		int max = 0;
		for (final int label : labels)
			max = Math.max(max, label);
		final Map<Long, Integer> overlaps = new HashMap<>();
		for (int i = 0; i < labels.length; i++)
			if (labels[i] > 0 && coarse[i] > 0) overlaps.merge((long) labels[i] << 32 | coarse[i], 1, Integer::sum);
		final int[] coarseOf = new int[max + 1];
		final int[] most = new int[max + 1];
		for (final Map.Entry<Long, Integer> e : overlaps.entrySet()) {
			final int label = (int) (e.getKey() >>> 32);
			if (e.getValue() > most[label]) {
				most[label] = e.getValue();
				coarseOf[label] = (int) (long) e.getKey();
			}
		}
		return coarseOf;
	}

	private static void side(final Map<Long, double[]> sides, final int[] labels, final int[] coarseOf,
		final float[] boundary, final int i, final int j)
	{
		if (labels[j] == 0 || labels[j] == labels[i]) return;
		final int a = Math.min(labels[i], labels[j]), b = Math.max(labels[i], labels[j]);
		if (coarseOf[a] == 0 || coarseOf[a] != coarseOf[b]) return;
		final double[] sum = sides.computeIfAbsent((long) a << 32 | b, k -> new double[2]);
		sum[0] += Math.max(boundary[i], boundary[j]);
		sum[1]++;
	}

	private static int root(final int[] parent, final int label) {
		int l = label;
		while (parent[l] != l)
			l = parent[l] = parent[parent[l]];
		return l;
	}
}
