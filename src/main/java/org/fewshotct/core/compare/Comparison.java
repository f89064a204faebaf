package org.fewshotct.core.compare;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.metric.RandIndex;
import org.fewshotct.core.metric.StackRandIndex;

/**
 * Several methods run on the same CT stack and, given a truth, scored with the challenge metric
 * ({@link StackRandIndex}, the numbers of the Rand Index command).
 * <p>
 * Each method runs slice by slice, each slice as a one-slice stack, so its run time per slice is measured
 * rather than averaged; slices run in parallel as the methods run them themselves, so a comparison takes about
 * as long as running the methods. Methods must therefore accept concurrent calls, as their own per-slice work
 * does. Every method first runs on the first slice alone, so a method that refuses the CT (a model trained on
 * other intensities, say) fails before the others have spent their time.
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
		final int n = ct.getStackSize();
		final int total = segmenters.size() * n;
		final List<ImageStack> stacks = new ArrayList<>();
		final List<double[]> seconds = new ArrayList<>();
		for (final StackSegmenter method : segmenters) {
			stacks.add(Stacks.emptyLike(ct, 16));
			seconds.add(new double[n]);
		}
		for (int m = 0; m < segmenters.size(); m++) {
			progress.status(segmenters.get(m).name() + ": first slice");
			runSlice(ct, segmenters.get(m), 0, stacks.get(m), seconds.get(m), progress);
		}
		final List<MethodResult> results = new ArrayList<>();
		for (int m = 0; m < segmenters.size(); m++) {
			final StackSegmenter method = segmenters.get(m);
			final ImageStack stack = stacks.get(m);
			final double[] times = seconds.get(m);
			progress.status(method.name());
			SliceParallel.forEach(n - 1, threads, offset(progress, m * n + 1, total), s -> runSlice(ct, method, s + 1,
				stack, times, progress));
			final ImagePlus labels = new ImagePlus(ct.getTitle() + "-" + method.name(), stack);
			final RandIndex.Score[] scores = truth == null ? null : StackRandIndex.score(truth, labels, threads,
				Progress.NONE);
			results.add(new MethodResult(method.name(), labels, times, scores));
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

	/** Runs one method on one slice (0-based) as a one-slice stack, timing it, into {@code labels}. */
	private static void runSlice(final ImagePlus ct, final StackSegmenter method, final int slice,
		final ImageStack labels, final double[] seconds, final Progress progress)
	{
		final ImageStack one = new ImageStack(ct.getWidth(), ct.getHeight());
		one.addSlice(ct.getStack().getSliceLabel(slice + 1), ct.getStack().getProcessor(slice + 1));
		final ImagePlus input = new ImagePlus(ct.getTitle(), one);
		input.setCalibration(ct.getCalibration());
		final long start = System.nanoTime();
		final ImagePlus output = method.segment(input, cancelOnly(progress));
		seconds[slice] = (System.nanoTime() - start) / 1e9;
		if (output.getStackSize() != 1 || output.getWidth() != ct.getWidth() || output.getHeight() != ct.getHeight())
			throw new IllegalStateException(method.name() + " returned " + output.getWidth() + "x" + output
				.getHeight() + "x" + output.getStackSize() + " labels for one " + ct.getWidth() + "x" + ct.getHeight() +
				" slice");
		Stacks.requireLabels(output, method.name() + " result");
		final short[] pixels = Stacks.labelShorts(output.getStack().getPixels(1));
		labels.setPixels(pixels == output.getStack().getPixels(1) ? pixels.clone() : pixels, slice + 1);
	}

	/** The user's cancel, without the per-slice progress of a one-slice run. */
	private static Progress cancelOnly(final Progress progress) {
		return new Progress() {

			@Override
			public void report(final int done, final int total) {}

			@Override
			public boolean isCancelled() {
				return progress.isCancelled();
			}
		};
	}

	/** Reports {@code done} slices of this part as {@code before + done} of {@code total}. */
	private static Progress offset(final Progress progress, final int before, final int total) {
		return new Progress() {

			@Override
			public void report(final int done, final int ignored) {
				progress.report(before + done, total);
			}

			@Override
			public boolean isCancelled() {
				return progress.isCancelled();
			}
		};
	}
}
