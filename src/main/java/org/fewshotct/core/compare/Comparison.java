package org.fewshotct.core.compare;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fewshotct.core.Progress;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.metric.RandIndex;
import org.fewshotct.core.metric.StackRandIndex;

/**
 * Several methods run on the same CT stack and, given a truth, scored with the challenge metric
 * ({@link StackRandIndex}, the numbers of the Rand Index command).
 * <p>
 * Each method runs once on the whole stack, as its own command runs it (its own parallelism over slices, its
 * own batches on a GPU), and its wall-clock time over the slice count is its time per slice. Before that,
 * every method runs on the first slice alone, untimed: a method that refuses the CT (a model trained on other
 * intensities, say) fails before any method has spent its time, and the timed runs start warm (classes
 * loaded, code compiled, networks initialised), as they would in a long batch.
 * </p>
 */
public final class Comparison {

	/** The CT stack the methods ran on. */
	public final ImagePlus ct;
	/** The truth label stack, or null. */
	public final ImagePlus truth;
	/** One result per method, in the order given. */
	public final List<MethodResult> methods;

	public Comparison(final ImagePlus ct, final ImagePlus truth, final List<MethodResult> methods) {
		this.ct = ct;
		this.truth = truth;
		this.methods = Collections.unmodifiableList(new ArrayList<>(methods));
	}

	public boolean hasTruth() {
		return truth != null;
	}

	/** The number of slices. */
	public int slices() {
		return ct.getStackSize();
	}

	/** The name of a slice (0-based): its label's first line, else its 1-based number. */
	public String sliceName(final int slice) {
		final String name = Stacks.sliceName(ct.getStack(), slice + 1);
		return name == null ? Integer.toString(slice + 1) : name;
	}

	/**
	 * Runs every method on every slice of {@code ct} and scores it against {@code truth} (may be null).
	 * Refuses unsuitable inputs before any work.
	 */
	public static Comparison run(final ImagePlus ct, final ImagePlus truth, final List<StackSegmenter> segmenters,
		final int threads, final Progress progress)
	{
		check(ct, truth, segmenters);
		final ImagePlus first = firstSlice(ct);
		for (final StackSegmenter method : segmenters) {
			progress.status(method.name() + " on the first slice");
			requireLabelsFor(method.segment(first, progress.cancelOnly()), first, method);
		}
		final int n = ct.getStackSize();
		final List<MethodResult> results = new ArrayList<>();
		for (int m = 0; m < segmenters.size(); m++) {
			final StackSegmenter method = segmenters.get(m);
			progress.status(method.name());
			final long start = System.nanoTime();
			final ImagePlus labels = method.segment(ct, progress.part(m * n, segmenters.size() * n));
			final double seconds = (System.nanoTime() - start) / 1e9;
			requireLabelsFor(labels, ct, method);
			labels.setTitle(ct.getTitle() + "-" + method.name());
			final RandIndex.Score[] scores = truth == null ? null : StackRandIndex.score(truth, labels, threads,
				Progress.NONE);
			results.add(new MethodResult(method.name(), labels, seconds / n, scores));
		}
		return new Comparison(ct, truth, results);
	}

	/** Refuses a CT and truth (may be null) that cannot be compared on, before methods are even loaded. */
	public static void requireInputs(final ImagePlus ct, final ImagePlus truth) {
		Stacks.requireCt(ct, "CT");
		if (truth != null) {
			Stacks.requireLabels(truth, "truth");
			Stacks.requireSameShape(ct, "CT", truth, "truth");
		}
	}

	private static void check(final ImagePlus ct, final ImagePlus truth, final List<StackSegmenter> segmenters) {
		requireInputs(ct, truth);
		if (segmenters.isEmpty()) throw new UserInputException("No method to compare: choose the baseline, a Weka " +
			"model or a U-Net model");
		final Set<String> names = new HashSet<>();
		for (final StackSegmenter method : segmenters)
			if (!names.add(method.name()))
				throw new UserInputException("Two methods are both named '" + method.name() + "'");
	}

	/** The CT's first slice as a one-slice stack. */
	private static ImagePlus firstSlice(final ImagePlus ct) {
		final ImageStack one = new ImageStack(ct.getWidth(), ct.getHeight());
		one.addSlice(ct.getStack().getSliceLabel(1), ct.getStack().getProcessor(1));
		final ImagePlus first = new ImagePlus(ct.getTitle(), one);
		first.setCalibration(ct.getCalibration());
		return first;
	}

	/** A method broke its contract if its labels do not match the CT in size: a bug, not bad input. */
	private static void requireLabelsFor(final ImagePlus labels, final ImagePlus ct, final StackSegmenter method) {
		if (labels.getStackSize() != ct.getStackSize() || labels.getWidth() != ct.getWidth() || labels
			.getHeight() != ct.getHeight() || labels.getBitDepth() != 8 && labels.getBitDepth() != 16)
			throw new IllegalStateException(method.name() + " returned " + labels.getWidth() + "x" + labels
				.getHeight() + "x" + labels.getStackSize() + " " + labels.getBitDepth() + "-bit labels for a " + ct
					.getWidth() + "x" + ct.getHeight() + "x" + ct.getStackSize() + " CT");
	}
}
