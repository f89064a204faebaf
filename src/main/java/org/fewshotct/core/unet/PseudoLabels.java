package org.fewshotct.core.unet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.InstanceTargets;

/**
 * Teacher-student self-training, the way most of FLARE 2022's leading teams used their unlabelled scans: the
 * network half-way through training (the teacher) segments the unlabelled slices; its instances become
 * training labels for the rest of the training, weighted 1 where the teacher was confident (its most likely
 * class at least {@link #CONFIDENCE}) and 0 elsewhere, and the student sees them through the same strong
 * augmentation as the labelled tiles. What the teacher got right on the new slices' own intensities and
 * sizes is then learned on them, and the uncertain pixels, where it would teach its own mistakes, teach
 * nothing.
 */
final class PseudoLabels {

	static final double CONFIDENCE = 0.8;

	private PseudoLabels() {}

	/** The teacher's labels and confidence weights for every unlabelled slice. */
	static List<LabelledSlice> of(final UNetNetwork teacher, final UnlabelledSlices unlabelled,
		final IntensityWindow window, final int depth, final int batch, final int threads,
		final InstanceDecoder.Settings decoder, final Progress progress)
	{
		final int width = unlabelled.values.getWidth();
		final int height = unlabelled.values.getHeight();
		final LabelledSlice[] slices = new LabelledSlice[unlabelled.size()];
		// Unfilled: background stays background, as in real masks.
		final InstanceDecoder.Settings unfilled = decoder.withFillBackground(false);
		UNetSegmenter.maps(teacher, depth, batch, threads).predict(unlabelled.values, window, progress, (s, maps,
			unit) -> {
			final int[] labels = InstanceDecoder.decode(maps, width, height, unfilled);
			final float[] weights = new float[width * height];
			for (int i = 0; i < weights.length; i++) {
				float most = 0;
				for (int c = 0; c < InstanceTargets.CLASS_COUNT; c++)
					most = Math.max(most, maps[c][i]);
				weights[i] = most >= CONFIDENCE ? 1 : 0;
			}
			slices[s] = new LabelledSlice((float[]) unlabelled.values.getPixels(s + 1), labels, weights, width, height);
		});
		return Collections.unmodifiableList(new ArrayList<>(List.of(slices)));
	}
}
