package org.fewshotct.core.weka;

import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.InstanceTargets;

/**
 * Which geometric classes ({@link InstanceTargets}) the classifier learns. Label IDs are arbitrary per slice,
 * so the classes come from the masks' geometry, never from the IDs.
 */
public enum ClassScheme {

	/** Background, structure interior and structure boundary: the full picture, for complete masks. */
	FULL("full", InstanceTargets.BACKGROUND, InstanceTargets.INTERIOR, InstanceTargets.BOUNDARY),
	/**
	 * Structure interior and boundary only; unlabelled pixels are never sampled. With partial masks the
	 * unannotated structures look like background, and learning them as background would teach the forest to
	 * swallow real structures; this scheme learns only from what was annotated, and the decoder fills the rest.
	 */
	STRUCTURES("structures", InstanceTargets.INTERIOR, InstanceTargets.BOUNDARY);

	private final String key;
	private final byte[] targets;

	ClassScheme(final String key, final byte... targets) {
		this.key = key;
		this.targets = targets;
	}

	public String key() {
		return key;
	}

	/** How many classes the classifier tells apart. */
	public int classCount() {
		return targets.length;
	}

	/** The {@link InstanceTargets} class of the classifier's class c. */
	public byte target(final int c) {
		return targets[c];
	}

	/** The classifier's class for a target class, or -1 when this scheme does not learn it. */
	public int classOf(final byte target) {
		for (int c = 0; c < targets.length; c++)
			if (targets[c] == target) return c;
		return -1;
	}

	/** The class names, as the classifier's class attribute and the probability channels name them. */
	public String className(final int c) {
		return InstanceTargets.CLASS_NAMES[targets[c]];
	}

	public static ClassScheme byKey(final String key) {
		for (final ClassScheme scheme : values())
			if (scheme.key.equalsIgnoreCase(key.trim())) return scheme;
		throw new UserInputException("Unknown class scheme '" + key + "'; known: full, structures");
	}
}
