package org.fewshotct.core.instances;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;

/**
 * Splits decoded instances along the fat that runs through them. The trunk's soft-tissue structures (organs,
 * muscles, bowel loops) lie apart on planes of fat, and a network that meets structures its masks never showed
 * (the lower abdomen's bowel and muscles when the masks cover the upper abdomen) finds no seeds in them and
 * labels a whole region of them as one instance. An instance's pixels outside the fat band, less those with a
 * fat pixel or another instance among their four neighbours, fall into connected parts; where two or more parts
 * have at least {@link #MIN_PART} pixels each, each becomes an instance (the largest keeps the label) and the
 * rest of the instance (its fat, thin bridges, small parts) joins the part it reaches first through the
 * instance.
 */
public final class FatPlanes {

	/** Fat lies between these HU; air, lung and bowel gas lie below, so they do not cut. */
	public static final double FAT_LOW_HU = -190;
	public static final double FAT_HIGH_HU = -30;

	/** Smaller parts are bridges, noise or partial volume, not structures. */
	static final int MIN_PART = 200;

	private FatPlanes() {}

	/** The unit intensities (through {@code window}) of the fat band's ends in a CT stored on this scale. */
	public static float[] bandUnits(final IntensityWindow window, final HounsfieldScale scale) {
		return new float[] { window.unit(scale.stored(FAT_LOW_HU)), window.unit(scale.stored(FAT_HIGH_HU)) };
	}

	/** The fat of a slice of unit intensities: pixels strictly inside {@code band} (see {@link #bandUnits}). */
	public static boolean[] of(final float[] unit, final float[] band) {
		final boolean[] fat = new boolean[unit.length];
		for (int i = 0; i < unit.length; i++)
			fat[i] = unit[i] > band[0] && unit[i] < band[1];
		return fat;
	}

	/** {@code labels} (0 = background) with every instance split along its fat as above, in place. */
	public static int[] split(final int[] labels, final boolean[] fat, final int width, final int height) {
		final int n = width * height;
		final boolean[] notFat = new boolean[n];
		for (int i = 0; i < n; i++)
			notFat[i] = labels[i] != 0 && !fat[i];
		// less the pixels with fat or another instance among their four neighbours
		final boolean[] core = InstanceErosion.erode(notFat, labels, width, height, 1);
		final int[] parts = new int[n];
		final int count = ConnectedComponents.label(core, width, height, Connectivity.FOUR, parts);
		final int[] area = new int[count + 1];
		final int[] owner = new int[count + 1];
		int maxLabel = 0;
		for (int i = 0; i < n; i++) {
			maxLabel = Math.max(maxLabel, labels[i]);
			if (parts[i] == 0) continue;
			area[parts[i]]++;
			owner[parts[i]] = labels[i];
		}
		// per instance: how many large parts, and its largest
		final int[] largeParts = new int[maxLabel + 1];
		final int[] largest = new int[maxLabel + 1];
		for (int p = 1; p <= count; p++) {
			if (area[p] < MIN_PART) continue;
			largeParts[owner[p]]++;
			if (largest[owner[p]] == 0 || area[p] > area[largest[owner[p]]]) largest[owner[p]] = p;
		}
		final int[] newLabel = new int[count + 1];
		int next = maxLabel;
		boolean any = false;
		for (int p = 1; p <= count; p++) {
			if (area[p] < MIN_PART || largeParts[owner[p]] < 2) continue;
			newLabel[p] = p == largest[owner[p]] ? owner[p] : ++next;
			any = true;
		}
		if (!any) return labels;
		// grow the parts through the rest of their instance, breadth first
		final int[] out = labels.clone();
		final boolean[] assigned = new boolean[n];
		final int[] queue = new int[n];
		int head = 0, tail = 0;
		for (int i = 0; i < n; i++) {
			if (newLabel[parts[i]] == 0) continue;
			out[i] = newLabel[parts[i]];
			assigned[i] = true;
			queue[tail++] = i;
		}
		while (head < tail) {
			final int i = queue[head++];
			final int x = i % width, y = i / width;
			for (int d = 0; d < 4; d++) {
				final int j = InstanceErosion.neighbour(x, y, d, width, height);
				if (j < 0 || assigned[j] || labels[j] != labels[i]) continue;
				out[j] = out[i];
				assigned[j] = true;
				queue[tail++] = j;
			}
		}
		System.arraycopy(out, 0, labels, 0, n);
		return labels;
	}
}
