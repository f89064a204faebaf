package org.fewshotct.core.unet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.instances.BodyMask;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.InstanceTargets;

/**
 * Teacher-student self-training, the way most of FLARE 2022's leading teams used their unlabelled scans: the
 * network half-way through training (the teacher) segments the unlabelled slices; its instances become
 * training labels for the rest of the training, weighted 1 where the teacher was confident and 0 elsewhere,
 * and the student sees them through the same strong augmentation as the labelled tiles. What the teacher got
 * right on the new slices' own intensities and sizes is then learned on them, and the uncertain pixels, where
 * it would teach its own mistakes, teach nothing.
 * <p>
 * Confident means a most likely class of at least {@link #CONFIDENCE}, or, for a class the teacher is rarely
 * that sure of (half-way through a short training, or the thin boundary class), among the more confident half
 * of the pixels it gave that class inside the body (class-balanced self-training): otherwise the boundaries, the
 * least confident class, would drop out of the pseudo-labels and the student would learn to merge structures;
 * and the air around the body, background beyond doubt, would set the bar for the background inside it (fat
 * between organs), which then would drop out and the student would learn fat as the structures' interior.
 * </p>
 * <p>
 * A pixel teaches only where the class its instance label implies ({@link InstanceTargets#classes}) is the
 * class the teacher found most likely. The teacher's boundaries are bands a few pixels wide, and its decoded
 * instances cover them up to a one-pixel line; taught as they are, the band's pixels would say "interior" where
 * the teacher said "boundary" with confidence, and the student would unlearn boundaries epoch after epoch
 * (on ts_example_ct it merged whole abdomens: 0.68 for the teacher, 0.54 for the student).
 * </p>
 */
final class PseudoLabels {

	static final double CONFIDENCE = 0.8;
	private static final int BINS = 1000;

	private PseudoLabels() {}

	/**
	 * The teacher's labels and confidence weights for every unlabelled slice, from the class maps of
	 * {@code teacher} (a view of the network in training); {@code air} is the body's threshold in unit intensity
	 * ({@link BodyMask#airUnit}).
	 */
	static List<LabelledSlice> of(final UNetSegmenter teacher, final UnlabelledSlices unlabelled,
		final IntensityWindow window, final InstanceDecoder.Settings decoder, final int boundaryWidth, final float air,
		final Progress progress)
	{
		final int width = unlabelled.values.getWidth();
		final int height = unlabelled.values.getHeight();
		final int classes = InstanceTargets.CLASS_COUNT;
		final int[][] labels = new int[unlabelled.size()][];
		final float[][] sureness = new float[unlabelled.size()][];
		final byte[][] likeliest = new byte[unlabelled.size()][];
		final byte[][] targets = new byte[unlabelled.size()][];
		final long[][] histograms = new long[classes][BINS + 1];
		// Unfilled: background stays background, as in real masks. Without the refinement steps, the shallow splits'
		// join included: the students measured were taught by the seeds alone.
		final InstanceDecoder.Settings unfilled = decoder.withFillBackground(false).withJoinShallowSplits(false);
		teacher.predict(unlabelled.values, window, progress, (s, maps,
			unit) -> {
			final boolean[] body = BodyMask.of(unit, width, height, air);
			labels[s] = InstanceDecoder.decode(maps, width, height, unfilled, body);
			targets[s] = InstanceTargets.classes(labels[s], width, height, boundaryWidth);
			final float[] most = new float[width * height];
			final byte[] argmax = new byte[width * height];
			final long[][] local = new long[classes][BINS + 1];
			for (int i = 0; i < most.length; i++) {
				for (int c = 0; c < classes; c++) {
					if (maps[c][i] > most[i]) {
						most[i] = maps[c][i];
						argmax[i] = (byte) c;
					}
				}
				if (body[i]) local[argmax[i]][bin(most[i])]++;
			}
			sureness[s] = most;
			likeliest[s] = argmax;
			synchronized (histograms) {
				for (int c = 0; c < classes; c++)
					for (int b = 0; b <= BINS; b++)
						histograms[c][b] += local[c][b];
			}
		});
		final float[] thresholds = new float[classes];
		for (int c = 0; c < classes; c++)
			thresholds[c] = (float) Math.min(CONFIDENCE, median(histograms[c]));
		final List<LabelledSlice> slices = new ArrayList<>();
		for (int s = 0; s < labels.length; s++) {
			final float[] weights = sureness[s];
			for (int i = 0; i < weights.length; i++)
				weights[i] = weights[i] >= thresholds[likeliest[s][i]] && targets[s][i] == likeliest[s][i] ? 1 : 0;
			slices.add(new LabelledSlice((float[]) unlabelled.values.getPixels(s + 1), labels[s], weights, width,
				height));
		}
		return Collections.unmodifiableList(slices);
	}

	private static int bin(final float p) {
		return Math.min(BINS, Math.max(0, (int) (p * BINS)));
	}

	/** The lower edge of the bin holding the median (1 for a class no pixel has, so that none counts). */
	private static double median(final long[] histogram) {
		long total = 0;
		for (final long n : histogram)
			total += n;
		if (total == 0) return 1;
		long seen = 0;
		for (int b = 0; b <= BINS; b++) {
			seen += histogram[b];
			if (2 * seen >= total) return (double) b / BINS;
		}
		return 1;
	}
}
