package org.fewshotct.core.instances;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;

/**
 * Air-filled regions inside the body that the maps call background are kept whole before the background fill. A
 * network whose masks never showed the lungs (TotalSegmentator's upper-abdomen slices hold little lung) calls
 * them background, like the air around the patient; the fill then floods each lung from the dozen instances
 * around it (ribs, muscles, liver, heart) and shatters it. Air pixels (below
 * {@link BodyMask#AIR_HU}) inside the body that no instance holds, opened by {@value #OPENING} pixels so that
 * thin air (gas between bowel loops, partial volume at edges) drops out, fall into connected parts; each part of
 * at least {@value #MIN_PART} pixels after the opening's erosion, grown back within that air, joins the air-filled
 * instance that borders it most (one whose pixels are at least half air: the part of a lung, or a lobe, that the
 * maps did call structure); without one, it becomes an instance, unless one instance holds at least half of its
 * border: then it is that instance's lumen (gas in the stomach or a bowel loop, labelled with its organ) and the
 * fill gives it to that instance, as before. After the fill and the fat planes (which cut a lung along the
 * partial volume of its vessels and fissures, or part a lung off the tissue the fill gave it), the air-filled
 * instances that touch join ({@link #joinTouching}), one lung a side. All neighbourhoods are 4-connected.
 */
public final class AirRegions {

	/** Opening of the air, in pixels: thinner air is gas between structures or partial volume, not a lung. */
	static final int OPENING = 4;
	/** Smaller air parts (after the opening's erosion) are gas pockets, left to the fill. */
	static final int MIN_PART = 500;
	/** A part whose border is at least this share one instance is that instance's lumen. */
	static final double LUMEN_BORDER = 0.5;
	/** Air-filled instances that touch along fewer pixel sides stay apart. */
	static final int MIN_CONTACT = 5;
	/** A join may put at most this share of its pixels on the other side of the body's midline. */
	static final double OTHER_SIDE = 0.1;

	private AirRegions() {}

	/** The air of a slice of unit intensities: pixels below {@code airUnit} ({@link BodyMask#airUnit}). */
	public static boolean[] of(final float[] unit, final float airUnit) {
		final boolean[] air = new boolean[unit.length];
		for (int i = 0; i < unit.length; i++)
			air[i] = unit[i] < airUnit;
		return air;
	}

	/**
	 * Labels the air regions of {@code body} where {@code labels} is 0, in place, as above: with the air-filled
	 * instance beside them or as new instances (after the largest label).
	 */
	public static int[] separate(final int[] labels, final boolean[] body, final boolean[] air, final int width,
		final int height)
	{
		final int n = width * height;
		final boolean[] free = new boolean[n];
		int maxLabel = 0;
		for (int i = 0; i < n; i++) {
			free[i] = body[i] && air[i] && labels[i] == 0;
			maxLabel = Math.max(maxLabel, labels[i]);
		}
		// all free pixels carry label 0, so the erosion within instances is a plain erosion of the free air
		final boolean[] core = InstanceErosion.erode(free, labels, width, height, OPENING);
		final int[] parts = new int[n];
		final int count = ConnectedComponents.label(core, width, height, Connectivity.FOUR, parts);
		final int[] area = new int[count + 1];
		for (int i = 0; i < n; i++)
			area[parts[i]]++;
		boolean any = false;
		for (int i = 0; i < n; i++) {
			if (area[parts[i]] < MIN_PART) parts[i] = 0;
			any |= parts[i] != 0;
		}
		if (!any) return labels;
		InstanceErosion.grow(parts, free, labels, width, height, OPENING);
		final boolean[] airFilled = airFilled(labels, air, maxLabel);
		final int[] newLabel = new int[count + 1];
		int next = maxLabel;
		for (int p = 1; p <= count; p++) {
			if (area[p] < MIN_PART) continue;
			final int[] border = border(parts, p, labels, width, height, maxLabel);
			int total = border[0], lumen = 0, lung = 0;
			for (int label = 1; label <= maxLabel; label++) {
				total += border[label];
				if (border[label] > (lumen == 0 ? 0 : border[lumen])) lumen = label;
				if (airFilled[label] && border[label] > (lung == 0 ? 0 : border[lung])) lung = label;
			}
			if (lung != 0) newLabel[p] = lung;
			else if (lumen == 0 || border[lumen] < LUMEN_BORDER * total) newLabel[p] = ++next;
		}
		for (int i = 0; i < n; i++)
			if (newLabel[parts[i]] != 0) labels[i] = newLabel[parts[i]];
		return labels;
	}

	/**
	 * Joins the air-filled instances (at least half air) that touch along at least {@value #MIN_CONTACT} pixel
	 * sides, in place: the pieces of one lung that the maps cut apart (along vessels, or as TotalSegmentator's
	 * lobes). The two lungs meet in front of the heart, so a join that would put more than {@value #OTHER_SIDE} of
	 * the joined pixels on the other side of the body's midline (the mean column of {@code body}) is not made.
	 */
	public static int[] joinTouching(final int[] labels, final boolean[] body, final boolean[] air, final int width,
		final int height)
	{
		final int maxLabel = LabelShares.maxLabel(labels);
		final boolean[] airFilled = airFilled(labels, air, maxLabel);
		final Map<Long, Integer> contacts = LabelContacts.count(labels, width, height, i -> airFilled[labels[i]]);
		if (contacts.isEmpty()) return labels;
		final double midline = midline(body, width);
		final long[] area = new long[maxLabel + 1];
		final long[] left = new long[maxLabel + 1];
		for (int i = 0; i < labels.length; i++) {
			area[labels[i]]++;
			if (i % width < midline) left[labels[i]]++;
		}
		// the longest contacts first, so that the result does not depend on the order of the labels
		final List<Map.Entry<Long, Integer>> order = new ArrayList<>(contacts.entrySet());
		order.sort((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue() : Long.compare(a.getKey(),
			b.getKey()));
		final int[] root = ConnectedComponents.noJoins(maxLabel);
		for (final Map.Entry<Long, Integer> contact : order) {
			if (contact.getValue() < MIN_CONTACT) break;
			final int a = ConnectedComponents.joinedLabel(root, LabelContacts.smaller(contact.getKey()));
			final int b = ConnectedComponents.joinedLabel(root, LabelContacts.larger(contact.getKey()));
			if (a == b) continue;
			final long total = area[a] + area[b], onLeft = left[a] + left[b];
			if (Math.min(onLeft, total - onLeft) > OTHER_SIDE * total) continue;
			final int kept = Math.min(a, b), joined = Math.max(a, b);
			root[joined] = kept;
			area[kept] = total;
			left[kept] = onLeft;
		}
		ConnectedComponents.applyJoins(labels, root);
		return labels;
	}

	/** The mean column of the body's pixels (the slice's middle where it has none). */
	private static double midline(final boolean[] body, final int width) {
		long sum = 0, count = 0;
		for (int i = 0; i < body.length; i++)
			if (body[i]) {
				sum += i % width;
				count++;
			}
		return count == 0 ? width / 2.0 : (double) sum / count;
	}

	/** Per label: whether at least half of its pixels are air (the part of a lung the maps did call structure). */
	private static boolean[] airFilled(final int[] labels, final boolean[] air, final int maxLabel) {
		return LabelShares.atLeast(labels, air, maxLabel, 0.5);
	}

	/** How many of the pixels that border part {@code p} (4-neighbours outside it) carry each label. */
	private static int[] border(final int[] parts, final int p, final int[] labels, final int width, final int height,
		final int maxLabel)
	{
		final int[] border = new int[maxLabel + 1];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				if (parts[i] != p) continue;
				for (int d = 0; d < 4; d++) {
					final int j = InstanceErosion.neighbour(x, y, d, width, height);
					if (j >= 0 && parts[j] != p) border[labels[j]]++;
				}
			}
		return border;
	}
}
