package org.fewshotct.command;

import ij.ImagePlus;

import java.io.File;

import org.fewshotct.core.weka.WekaSegmenter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Segments a CT stack with a Weka model file: a 16-bit instance label stack {@code <ct title>-weka}, and on
 * request the class probabilities (32-bit, one channel per class).
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Apply Weka Few-Shot")
public class ApplyWekaCommand extends SuiteCommand {

	@Parameter(label = "ct", description = "CT stack", persist = false, autoFill = false)
	private ImagePlus ct;

	@Parameter(label = "model", style = "open", description = "Model file from Train Weka Few-Shot", persist = false)
	private File model;

	@Parameter(label = "probabilities", required = false,
		description = "Also show the class probability maps", persist = false)
	private boolean probabilities = false;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus labels;

	@Parameter(type = ItemIO.OUTPUT, required = false)
	private ImagePlus probability_maps;

	@Override
	protected void execute() {
		final WekaSegmenter.Result result = WekaSegmenter.load(model).segment(ct, probabilities, new ImageJProgress(
			"Apply Weka Few-Shot"));
		labels = result.labels();
		probability_maps = result.probabilities();
	}
}
