package org.fewshotct.core.phantom;

/**
 * What a phantom structure is, and how often an annotator labels one. Like the real masks, annotation is
 * partial: some kinds are labelled only now and then, some never, though they are as visible as the rest.
 */
enum Kind {
	LIVER(1), SPLEEN(1), KIDNEY(1), STOMACH(1), PANCREAS(1), BLADDER(1), LUNG(1), COLON(1), LESION(1),
	AORTA(0.8), VENA_CAVA(0.5), SMALL_BOWEL(0.3), VERTEBRA(1), RIB(0.8), HIP(1), PSOAS(1), BACK_MUSCLE(0.7),
	/** Abdominal wall, gluteal muscles: visible, never labelled. */
	MUSCLE(0),
	/** Small vessels in the liver and the mesentery. */
	VESSEL(0),
	SPINAL_CANAL(0);

	/** The chance that one structure of this kind is annotated. */
	final double annotated;

	Kind(final double annotated) {
		this.annotated = annotated;
	}
}
