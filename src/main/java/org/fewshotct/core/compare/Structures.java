package org.fewshotct.core.compare;

import ij.ImagePlus;

import java.util.BitSet;

import org.fewshotct.core.Stacks;

/** How many structures a label stack holds per slice: a method that over- or under-segments shows here. */
final class Structures {

	private Structures() {}

	/** Distinct non-zero labels of each slice. */
	static int[] perSlice(final ImagePlus labels) {
		final int[] counts = new int[labels.getStackSize()];
		final BitSet seen = new BitSet(65536);
		for (int s = 0; s < counts.length; s++) {
			seen.clear();
			for (final int label : Stacks.labelValues(labels.getStack().getProcessor(s + 1)))
				if (label > 0) seen.set(label);
			counts[s] = seen.cardinality();
		}
		return counts;
	}
}
