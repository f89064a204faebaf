package org.fewshotct.core.weka;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.BodyMask;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.TissueLevels;

/**
 * Segments CT stacks with a trained {@link WekaModel}: per slice, the filter bank, the classifier's class
 * probabilities and the shared instance decoder. Slices run in parallel, each holding only its own feature
 * planes, so memory does not grow with the stack.
 */
public final class WekaSegmenter implements StackSegmenter {

	public static final String NAME = "weka";

	/** The instance labels and, when asked for, the class probabilities. */
	public static final class Result {

		private final ImagePlus labels;
		private final ImagePlus probabilities;

		Result(final ImagePlus labels, final ImagePlus probabilities) {
			this.labels = labels;
			this.probabilities = probabilities;
		}

		/** 16-bit instance labels, {@code <ct title>-weka}. */
		public ImagePlus labels() {
			return labels;
		}

		/**
		 * 32-bit class probabilities, one channel per class of the model's scheme and one slice per CT slice,
		 * {@code <ct title>-weka-probabilities}; null unless asked for.
		 */
		public ImagePlus probabilities() {
			return probabilities;
		}
	}

	private final WekaModel model;
	private final int threads;

	public WekaSegmenter(final WekaModel model, final int threads) {
		if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		this.model = model;
		this.threads = threads;
	}

	public WekaSegmenter(final WekaModel model) {
		this(model, SliceParallel.defaultThreads());
	}

	/** A segmenter from a model file; a missing, wrong or damaged file gives a UserInputException naming it. */
	public static WekaSegmenter load(final File model) {
		return new WekaSegmenter(WekaModel.load(model));
	}

	public WekaModel model() {
		return model;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public ImagePlus segment(final ImagePlus ct, final Progress progress) {
		return segment(ct, false, progress).labels();
	}

	/** Labels, and the probability maps too when {@code probabilities} is true. */
	public Result segment(final ImagePlus ct, final boolean probabilities, final Progress progress) {
		Stacks.requireCt(ct, "CT");
		final IntensityWindow window = windowFor(ct);
		final int width = ct.getWidth();
		final int height = ct.getHeight();
		final int n = ct.getStackSize();
		final ClassScheme scheme = model.scheme();
		final ImageStack source = ct.getStack();
		final ImageStack labels = Stacks.emptyLike(ct, 16);
		final ImageStack maps = probabilities ? probabilityStack(ct, scheme) : null;
		final InstanceDecoder.Settings decoder = model.decoder();
		final HounsfieldScale hounsfield = HounsfieldScale.of(ct);
		final float air = BodyMask.airUnit(window, hounsfield);
		final TissueLevels tissue = TissueLevels.of(window, hounsfield);
		SliceParallel.forEach(n, threads, progress, s -> {
			final float[] unit = window.toUnit(source.getProcessor(s + 1));
			final float[][] p = model.probabilities(unit, width, height);
			labels.setPixels(Stacks.labelSlice(InstanceDecoder.decode(p, width, height, decoder, BodyMask.of(unit, width,
				height, air), tissue.slice(unit, width, height, decoder)), width, height).getPixels(), s + 1);
			if (maps != null) for (int c = 0; c < scheme.classCount(); c++)
				maps.setPixels(p[scheme.target(c)], s * scheme.classCount() + c + 1);
		});
		final ImagePlus labelImage = new ImagePlus(ct.getTitle() + "-" + NAME, labels);
		Stacks.calibrateLike(labelImage, ct);
		ImagePlus mapImage = null;
		if (maps != null) {
			mapImage = new ImagePlus(ct.getTitle() + "-" + NAME + "-probabilities", maps);
			mapImage.setDimensions(scheme.classCount(), n, 1);
			mapImage.setOpenAsHyperStack(true);
			Stacks.calibrateLike(mapImage, ct);
		}
		return new Result(labelImage, mapImage);
	}

	/** The model's window (in HU) in the stored units of this CT, through the CT's calibration. */
	IntensityWindow windowFor(final ImagePlus ct) {
		return model.window().on(ct);
	}

	private static ImageStack probabilityStack(final ImagePlus ct, final ClassScheme scheme) {
		final ImageStack source = ct.getStack();
		final int classes = scheme.classCount();
		final ImageStack maps = ImageStack.create(ct.getWidth(), ct.getHeight(), source.getSize() * classes, 32);
		for (int s = 1; s <= source.getSize(); s++) {
			final String slice = Stacks.sliceName(source, s);
			for (int c = 0; c < classes; c++)
				maps.setSliceLabel(scheme.className(c) + (slice == null ? "" : " " + slice), (s - 1) * classes + c + 1);
		}
		return maps;
	}
}
