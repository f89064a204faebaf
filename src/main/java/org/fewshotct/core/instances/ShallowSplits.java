package org.fewshotct.core.instances;

import java.util.HashMap;
import java.util.Map;
import org.fewshotct.core.label.ConnectedComponents;

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
	 * {@code labels} (the seeds' instances grown over the foreground, 0 elsewhere) with the shallow splits joined as
	 * above, in place; {@code coarse}: the instances that seeds {@link #COARSE_DYNAMIC} high grow into over the same
	 * foreground.
	 */
	public static int[] join(final int[] labels, final int[] coarse, final float[] boundary, final int width,
		final int height)
	{
		final int maxLabel = LabelShares.maxLabel(labels);
		final int[] coarseOf = majorityCoarse(labels, coarse, maxLabel);
		final Map<Long, double[]> sides = LabelContacts.sum(labels, width, height, i -> labels[i] != 0, (i,
			j) -> Math.max(boundary[i], boundary[j]));
		final int[] joinedInto = ConnectedComponents.noJoins(maxLabel);
		boolean any = false;
		for (final Map.Entry<Long, double[]> side : sides.entrySet()) {
			final int smaller = LabelContacts.smaller(side.getKey()), larger = LabelContacts.larger(side.getKey());
			if (coarseOf[smaller] == 0 || coarseOf[smaller] != coarseOf[larger]) continue;
			if (side.getValue()[0] / side.getValue()[1] >= BOUNDARY_BAR) continue;
			any |= ConnectedComponents.join(joinedInto, smaller, larger);
		}
		if (any) ConnectedComponents.applyJoins(labels, joinedInto);
		return labels;
	}

	/** Per label of {@code labels}, the coarse instance that holds most of its pixels (0 where none does). */
	private static int[] majorityCoarse(final int[] labels, final int[] coarse, final int maxLabel) {
		final Map<Long, Integer> overlaps = new HashMap<>();
		for (int i = 0; i < labels.length; i++)
			if (labels[i] > 0 && coarse[i] > 0) overlaps.merge((long) labels[i] << 32 | coarse[i], 1, Integer::sum);
		final int[] coarseOf = new int[maxLabel + 1];
		final int[] most = new int[maxLabel + 1];
		for (final Map.Entry<Long, Integer> e : overlaps.entrySet()) {
			final int label = (int) (e.getKey() >>> 32);
			if (e.getValue() > most[label]) {
				most[label] = e.getValue();
				coarseOf[label] = (int) (long) e.getKey();
			}
		}
		return coarseOf;
	}
}
