package org.fewshotct.core.instances;

import java.util.Map;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.label.ConnectedComponents;

/**
 * Joins instances that touch through dense bone. Where the network cuts one bone (a vertebral body from its arch, a
 * pelvic bone along its cortex) the pieces meet on cortex: pixels above the decoder's cortex level
 * ({@link InstanceDecoder.Settings#cortexHu}: {@value #DENSE_HU} HU for models from before it was a setting,
 * {@value #CORTEX_HU} HU since) after a Gaussian of {@value BonePieces#SIGMA} pixel, on both sides of the cut.
 * {@value #CORTEX_HU} HU lies above 99 % of the enhanced kidneys' and vessels' pixels in the contrast scans here
 * (kidneys 303-306 HU, veins 259, arteries 250), and below the cortex that a soft 3 mm scan blurs to 200-400 HU. Two
 * instances of bone (at least {@value #MIN_BONE_SHARE} of their pixels above {@value BonePieces#BONE_HU} HU after
 * the smoothing) whose dense pixels are 4-neighbours along at least {@value #MIN_CONTACT} pixel sides join. Bones
 * that touch through their cortex are one structure in a mask that draws bone as one class (3D-IRCADb's), and separate ones where the masks name each bone (TotalSegmentator's);
 * measured on the stored maps of both, joining loses nothing on the latter either: the network cuts bones far
 * more often than two named bones touch through cortex.
 */
public final class TouchingBones {

	/** Cortex, after the smoothing, for models written before the level was a decoder setting. */
	public static final double DENSE_HU = 400;
	/** Cortex, after the smoothing, for the models of both learned methods trained since it is a setting. */
	public static final double CORTEX_HU = 300;
	/** Instances that touch along fewer dense pixel sides stay apart: a corner, noise. */
	static final int MIN_CONTACT = 3;
	/**
	 * Only instances with at least this share of bone ({@link BonePieces#of} at {@link BonePieces#boneUnit}) join: an
	 * organ that took in the edge of a rib beside it, as Weka's instances do, would otherwise join the rib, the rib
	 * the spine, and the spine every other rib's organ.
	 */
	static final double MIN_BONE_SHARE = 0.3;

	private TouchingBones() {}

	/** The unit intensity (through {@code window}) of cortex at {@code hu} in a CT stored on this scale. */
	static float denseUnit(final IntensityWindow window, final HounsfieldScale scale, final double hu) {
		return window.unit(scale.stored(hu));
	}

	/**
	 * {@code labels} (0 = background) with the instances of {@code bone} that touch through {@code dense} bone joined,
	 * in place.
	 */
	public static int[] join(final int[] labels, final boolean[] dense, final boolean[] bone, final int width,
		final int height)
	{
		final int maxLabel = LabelShares.maxLabel(labels);
		final boolean[] ofBone = LabelShares.atLeast(labels, bone, maxLabel, MIN_BONE_SHARE);
		final Map<Long, Integer> contacts = LabelContacts.count(labels, width, height, i -> ofBone[labels[i]]
			&& dense[i]);
		if (contacts.isEmpty()) return labels;
		final int[] joinedInto = ConnectedComponents.noJoins(maxLabel);
		for (final Map.Entry<Long, Integer> contact : contacts.entrySet())
			if (contact.getValue() >= MIN_CONTACT) ConnectedComponents.join(joinedInto, LabelContacts.smaller(contact
				.getKey()), LabelContacts.larger(contact.getKey()));
		ConnectedComponents.applyJoins(labels, joinedInto);
		return labels;
	}
}
