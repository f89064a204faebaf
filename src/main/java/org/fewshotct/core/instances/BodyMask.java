package org.fewshotct.core.instances;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;

/**
 * The body on a CT slice: tissue denser than air, in components at least a tenth the size of the largest (the
 * trunk, arms and legs; not the table, tubes or noise), opened by {@value #OPENING} pixels (a table's thin shell,
 * tubes and cables that touch the skin are cut off where they touch, and fall away unless as thick as the opening
 * and a hundredth of the trunk), with their holes filled (lungs and bowel gas are inside the body, the air
 * between the back and a table that touches it is not), grown by two pixels. The decoder's background fill stays
 * inside it, so air around the patient stays background instead of being painted as the nearest structure.
 */
public final class BodyMask {

	/** Denser than this is tissue: halfway between air (-1000 HU) and fat (about -100 HU). */
	public static final double AIR_HU = -500;

	/** The body grows by this many pixels: the skin's blurred edge falls below {@link #AIR_HU} but is structure. */
	private static final int MARGIN = 2;

	/**
	 * The opening's radius in pixels (4-neighbour steps): a table's shell is 2-5 pixels thick on 0.6-1 mm pixels,
	 * the thinnest trunk wall many times that.
	 */
	static final int OPENING = 3;

	/** Components below this fraction of the largest one are not the body. */
	private static final double MIN_PART = 0.1;

	/**
	 * Of those, the parts that the opening cuts off and that are smaller than this fraction of the largest are the
	 * table's thicker rails, not an arm that lay against the trunk.
	 */
	private static final double MIN_OPENED_PART = 0.01;

	private BodyMask() {}

	/** The unit intensity (through {@code window}) of {@link #AIR_HU} in a CT stored on this scale. */
	public static float airUnit(final IntensityWindow window, final HounsfieldScale scale) {
		return window.unit(scale.stored(AIR_HU));
	}

	/** The body of a slice of unit intensities, row-major: pixels above {@code airUnit}, kept and filled as above. */
	public static boolean[] of(final float[] unit, final int width, final int height, final float airUnit) {
		final int n = width * height;
		final boolean[] tissue = new boolean[n];
		for (int i = 0; i < n; i++)
			tissue[i] = unit[i] > airUnit;
		final boolean[] large = largeParts(tissue, width, height, MIN_PART);
		// no labels: a plain erosion, and growth back within the large parts
		final int[] none = new int[n];
		final boolean[] core = InstanceErosion.erode(large, none, width, height, OPENING);
		final int[] parts = new int[n];
		for (int i = 0; i < n; i++)
			parts[i] = core[i] ? 1 : 0;
		InstanceErosion.grow(parts, large, none, width, height, OPENING);
		final boolean[] opened = new boolean[n];
		boolean any = false;
		for (int i = 0; i < n; i++)
			any |= opened[i] = parts[i] > 0;
		// nothing thicker than the opening (a thin phantom, a slice past the body's end): the tissue as it is
		final boolean[] body = any ? largeParts(opened, width, height, MIN_OPENED_PART) : large;
		final boolean[] holes = ConnectedComponents.holes(body, width, height);
		for (int i = 0; i < n; i++)
			body[i] |= holes[i];
		return grow(grow(body, width, height, 1, width), width, height, width, height);
	}

	/** The 8-connected parts of {@code mask} of at least {@code fraction} of the largest's area. */
	private static boolean[] largeParts(final boolean[] mask, final int width, final int height,
		final double fraction)
	{
		final int[] parts = new int[mask.length];
		final int count = ConnectedComponents.label(mask, width, height, Connectivity.EIGHT, parts);
		final int[] area = new int[count + 1];
		for (final int p : parts)
			area[p]++;
		int largest = 0;
		for (int p = 1; p <= count; p++)
			largest = Math.max(largest, area[p]);
		final boolean[] large = new boolean[mask.length];
		for (int i = 0; i < mask.length; i++)
			large[i] = parts[i] > 0 && area[parts[i]] >= fraction * largest;
		return large;
	}

	/** Sets every pixel within {@link #MARGIN} steps of a set pixel along one axis ({@code step} apart, {@code count} of them). */
	private static boolean[] grow(final boolean[] mask, final int width, final int height, final int step,
		final int count)
	{
		final boolean[] out = new boolean[mask.length];
		for (int i = 0; i < mask.length; i++) {
			if (!mask[i]) continue;
			final int along = step == 1 ? i % width : i / width;
			for (int d = -MARGIN; d <= MARGIN; d++)
				if (along + d >= 0 && along + d < count) out[i + d * step] = true;
		}
		return out;
	}
}
