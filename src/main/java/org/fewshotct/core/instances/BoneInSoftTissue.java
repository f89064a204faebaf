package org.fewshotct.core.instances;

import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;

/**
 * Carves bone out of soft-tissue instances. Bone is never part of an organ, muscle or vessel in either label
 * protocol here (TotalSegmentator names each bone, 3D-IRCADb draws bone as a class of its own), yet a network
 * grows an organ's instance over the rib beside it (on ts_dicom_train, drawn as IRCAD draws a patient, every liver
 * and spleen instance of a model trained on ircadb1 held 300-600 pixels of rib). In the instances that are at most
 * {@value #MAX_BONE_SHARE} bone ({@link BonePieces#BONE_HU} HU after the smoothing), the bone's 8-connected
 * components of at least {@value #MIN_AREA} pixels that hold cortex (the decoder's cortex level, as the touching
 * bones': {@link TouchingBones}) become instances, one per component across the instances it crosses; the
 * bone's later joins ({@link BonePieces}, {@link TouchingBones}) then treat them as any piece of bone. An
 * instance with more bone than that is bone itself, or a vertebra whose marrow a soft scan shows as dense as
 * muscle, and stays whole.
 */
public final class BoneInSoftTissue {

	/** Instances with a larger share of bone pixels are left whole. */
	static final double MAX_BONE_SHARE = 0.1;
	/** Smaller bone components are partial volume at an organ's edge; the challenge's masks drop them too. */
	static final int MIN_AREA = 20;

	private BoneInSoftTissue() {}

	/**
	 * {@code labels} (0 = background) with the {@code bone} holding {@code dense} pixels carved out of the
	 * soft-tissue instances as above, in place.
	 */
	public static int[] split(final int[] labels, final boolean[] bone, final boolean[] dense, final int width,
		final int height)
	{
		final int maxLabel = LabelShares.maxLabel(labels);
		final boolean[] ofBone = LabelShares.atLeast(labels, bone, maxLabel, MAX_BONE_SHARE);
		final boolean[] inSoftTissue = new boolean[labels.length];
		boolean any = false;
		for (int i = 0; i < labels.length; i++) {
			inSoftTissue[i] = bone[i] && labels[i] > 0 && !ofBone[labels[i]];
			any |= inSoftTissue[i];
		}
		if (!any) return labels;
		final int[] components = new int[labels.length];
		final int count = ConnectedComponents.label(inSoftTissue, width, height, Connectivity.EIGHT, components);
		final int[] area = new int[count + 1];
		final boolean[] cortex = new boolean[count + 1];
		for (int i = 0; i < labels.length; i++) {
			area[components[i]]++;
			cortex[components[i]] |= dense[i];
		}
		final int[] carvedAs = new int[count + 1];
		int next = maxLabel;
		for (int component = 1; component <= count; component++)
			if (area[component] >= MIN_AREA && cortex[component]) carvedAs[component] = ++next;
		for (int i = 0; i < labels.length; i++)
			if (carvedAs[components[i]] > 0) labels[i] = carvedAs[components[i]];
		return labels;
	}
}
