package org.fewshotct.core.unet;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.util.Set;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.InstanceTargets;
import org.fewshotct.core.weka.WekaModel;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;

/**
 * A U-Net's class maps blended with those of a Weka forest trained on the same masks through the same window
 * ({@link UNetSettings#wekaWeight()}): a per-pixel forest on local features errs elsewhere than a network that
 * sees whole tiles, and on another patient their mean holds better than either. The forest learns only
 * interior and boundary (Weka's default scheme: masks are partial), so the blend lowers the network's
 * background by the same factor. Thread-safe: the forest is only read.
 */
final class WekaBlend {

	private final WekaModel forest;
	private final float weight;

	private WekaBlend(final WekaModel forest, final double weight) {
		this.forest = forest;
		this.weight = (float) weight;
	}

	/**
	 * Trains the forest on the labelled slices of {@code ct} except the {@code heldOut} ones (1-based; the
	 * validation slices that score the blend), with the U-Net's window and seed and Weka's defaults otherwise.
	 */
	static WekaBlend train(final ImagePlus ct, final ImagePlus labels, final Set<Integer> heldOut,
		final HounsfieldWindow window, final UNetSettings settings, final int threads, final Progress progress)
	{
		final WekaSettings forestSettings = WekaSettings.DEFAULT.withWindow(window).withSeed((int) settings.seed())
			.withThreads(threads);
		return new WekaBlend(new WekaTrainer(forestSettings).train(ct, without(labels, heldOut), progress), settings
			.wekaWeight());
	}

	/**
	 * The forest a model folder holds ({@link UNetModel#read} checked it is there), refused when its window is not
	 * the network's.
	 */
	static WekaBlend of(final UNetModel model) {
		final WekaModel forest = WekaModel.load(model.wekaModel());
		if (!forest.window().equals(model.window())) throw new UserInputException("The U-Net model " + model
			.folder() + " is damaged: its " + UNetModel.WEKA_MODEL + " has the window " + forest.window() +
			", the network " + model.window());
		return new WekaBlend(forest, model.settings().wekaWeight());
	}

	double weight() {
		return weight;
	}

	void save(final File file) {
		forest.save(file);
	}

	/**
	 * Blends, in place, the network's class maps of one slice with the forest's for the same windowed
	 * intensities {@code unit} (what the network saw), and returns them.
	 */
	float[][] blend(final float[][] maps, final float[] unit, final int width, final int height) {
		final float[][] trees = forest.probabilities(unit, width, height);
		final float keep = 1 - weight;
		for (int c = 0; c < InstanceTargets.CLASS_COUNT; c++) {
			final float[] network = maps[c];
			final float[] votes = trees[c];
			for (int i = 0; i < network.length; i++)
				network[i] = keep * network[i] + weight * votes[i];
		}
		return maps;
	}

	/** {@code labels} with the given slices all 0, so that the forest does not learn them. */
	private static ImagePlus without(final ImagePlus labels, final Set<Integer> slices) {
		if (slices.isEmpty()) return labels;
		final ImageStack source = labels.getStack();
		final ImageStack kept = new ImageStack(source.getWidth(), source.getHeight());
		for (int s = 1; s <= source.getSize(); s++)
			kept.addSlice(source.getSliceLabel(s), slices.contains(s) ? source.getProcessor(s).createProcessor(source
				.getWidth(), source.getHeight()) : source.getProcessor(s));
		final ImagePlus copy = new ImagePlus(labels.getTitle(), kept);
		Stacks.calibrateLike(copy, labels);
		return copy;
	}
}
