package org.fewshotct.command;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.gui.PlotWindow;

import java.awt.GraphicsEnvironment;
import java.io.File;

import org.fewshotct.core.io.OutputPaths;
import org.fewshotct.core.unet.LossHistory;
import org.fewshotct.core.unet.UNetSettings;
import org.fewshotct.core.unet.UNetTrainer;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Trains a U-Net (TensorFlow Java; CPU, or GPU with the GPU build) on a CT stack and its instance labels into
 * a model folder. The loss curve is shown live when there is a screen and saved as loss.png in the folder.
 * Run again with a larger {@code epochs} to train the same model further. With {@code unlabelled}, raw slices
 * without masks (the rest of the scan, other patients, the slices to segment) teach it too.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Train U-Net")
public class TrainUNetCommand extends SuiteCommand {

	private static final String TITLE = "Train U-Net";

	@Parameter(label = "ct", description = "CT stack to learn from", persist = false, autoFill = false)
	private ImagePlus ct;

	@Parameter(label = "labels",
		description = "Instance labels: a slice per CT slice, or fewer slices paired with the CT slices of the same name (all-0 slices are skipped)", persist = false, autoFill = false)
	private ImagePlus labels;

	@Parameter(label = "unlabelled", required = false, persist = false, autoFill = false,
		description = "Optional raw CT slices without masks to learn from too (same slice size and bit depth)")
	private ImagePlus unlabelled;

	@Parameter(label = "model", style = "directory",
		description = "Model folder to write (created if missing)", persist = false)
	private File model;

	@Parameter(label = "epochs", required = false, min = "1",
		description = "Passes over the training slices", persist = false)
	private int epochs = UNetSettings.DEFAULT.epochs();

	@Parameter(label = "batch", required = false, min = "1", description = "Tiles per training step", persist = false)
	private int batch = UNetSettings.DEFAULT.batch();

	@Parameter(label = "tile", required = false, min = "16",
		description = "Training tile side, a multiple of 16", persist = false)
	private int tile = UNetSettings.DEFAULT.tile();

	@Parameter(label = "width", required = false, min = "1",
		description = "Filters on the first level, doubling per level", persist = false)
	private int width = UNetSettings.DEFAULT.width();

	@Parameter(label = "depth", required = false, min = "1", max = "6",
		description = "Poolings (levels below the first)", persist = false)
	private int depth = UNetSettings.DEFAULT.depth();

	@Parameter(label = "learning_rate", required = false, description = "Adam's learning rate", persist = false)
	private double learning_rate = UNetSettings.DEFAULT.learningRate();

	@Parameter(label = "seed", required = false, description = "Seed of weights, split and augmentation", persist = false)
	private long seed = UNetSettings.DEFAULT.seed();

	@Parameter(label = "validation", required = false, min = "0", max = "0.9",
		description = "Fraction of labelled slices held out for validation (the loss curve, the best epoch, the " +
			"decoder); held out only when it makes at least 3 slices", persist = false)
	private double validation = UNetSettings.DEFAULT.validation();

	@Override
	protected void execute() {
		OutputPaths.requireFolder(model, OpenImages.all());
		final UNetSettings settings = UNetSettings.DEFAULT.withEpochs(epochs).withBatch(batch).withTile(tile).withSeed(
			seed).withValidation(validation).withWidth(width).withDepth(depth).withLearningRate(learning_rate);
		final UNetTrainer.Result result = new UNetTrainer(settings).train(ct, labels, unlabelled, model,
			new ImageJProgress(TITLE), new LogAndPlot());
		final LossHistory history = result.history;
		final int last = history.epochs() - 1;
		IJ.log(String.format("%s: %d epochs, loss %.4f, validation loss %.4f; model in %s", TITLE, history.epochs(),
			history.training().get(last), history.validation().get(last), model.getAbsolutePath()));
	}

	/** Messages to the log; the loss curve in a plot window that updates every epoch, where there is a screen. */
	private static final class LogAndPlot implements UNetTrainer.Listener {

		private PlotWindow window;

		@Override
		public void message(final String text) {
			IJ.log(text);
		}

		@Override
		public void epoch(final int epoch, final int epochs, final LossHistory history) {
			if (GraphicsEnvironment.isHeadless()) return;
			final Plot plot = history.plot("U-Net loss");
			if (window == null || window.isClosed()) {
				plot.show();
				window = (PlotWindow) plot.getImagePlus().getWindow();
			}
			else window.drawPlot(plot);
		}
	}
}
