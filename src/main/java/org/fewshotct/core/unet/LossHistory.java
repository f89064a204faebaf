package org.fewshotct.core.unet;

import ij.gui.Plot;
import ij.io.FileSaver;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.fewshotct.core.io.AtomicOutput;

/** The mean training loss and the validation loss of every epoch so far; NaN where there is no validation. */
public final class LossHistory {

	private final List<Double> training = new ArrayList<>();
	private final List<Double> validation = new ArrayList<>();

	public synchronized void add(final double trainingLoss, final double validationLoss) {
		training.add(trainingLoss);
		validation.add(validationLoss);
	}

	public synchronized int epochs() {
		return training.size();
	}

	public synchronized List<Double> training() {
		return Collections.unmodifiableList(new ArrayList<>(training));
	}

	public synchronized List<Double> validation() {
		return Collections.unmodifiableList(new ArrayList<>(validation));
	}

	/** The curve as an ImageJ plot: training loss in blue, validation loss in red. */
	public synchronized Plot plot(final String title) {
		final Plot plot = new Plot(title, "epoch", "loss (cross-entropy)");
		final double[] epochs = new double[training.size()];
		for (int e = 0; e < epochs.length; e++)
			epochs[e] = e + 1;
		plot.setColor(Color.BLUE);
		plot.addPoints(epochs, toArray(training), Plot.LINE);
		final boolean validated = !validation.isEmpty() && !Double.isNaN(validation.get(validation.size() - 1));
		if (validated) {
			plot.setColor(Color.RED);
			plot.addPoints(epochs, toArray(validation), Plot.LINE);
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(validated ? "training\tvalidation" : "training");
		plot.setLimitsToFit(false);
		return plot;
	}

	/** Writes the plot as PNG and the numbers as CSV (epoch,training,validation). */
	public synchronized void save(final File png, final File csv) throws IOException {
		final Plot plot = plot("U-Net loss");
		AtomicOutput.write(png, path -> {
			if (!new FileSaver(plot.getImagePlus()).saveAsPng(path.toString())) throw new IOException(
				"ImageJ could not write the loss plot");
		});
		final StringBuilder text = new StringBuilder("epoch,training,validation\n");
		for (int e = 0; e < training.size(); e++)
			text.append(String.format(Locale.ROOT, "%d,%.6f,%.6f%n", e + 1, training.get(e), validation.get(e)));
		AtomicOutput.write(csv, path -> Files.write(path, text.toString().getBytes(StandardCharsets.UTF_8)));
	}

	/** The history as two comma-separated lists, for the training state file. */
	synchronized String[] encode() {
		return new String[] { join(training), join(validation) };
	}

	static LossHistory decode(final String training, final String validation) {
		final LossHistory history = new LossHistory();
		final String[] t = training.isEmpty() ? new String[0] : training.split(",");
		final String[] v = validation.isEmpty() ? new String[0] : validation.split(",");
		if (t.length != v.length) throw new IllegalArgumentException("loss lists differ in length");
		for (int e = 0; e < t.length; e++)
			history.add(Double.parseDouble(t[e]), Double.parseDouble(v[e]));
		return history;
	}

	private static String join(final List<Double> values) {
		final StringBuilder s = new StringBuilder();
		for (final double v : values)
			s.append(s.length() > 0 ? "," : "").append(Double.toString(v));
		return s.toString();
	}

	private static double[] toArray(final List<Double> values) {
		final double[] out = new double[values.size()];
		for (int i = 0; i < out.length; i++)
			out[i] = values.get(i);
		return out;
	}
}
