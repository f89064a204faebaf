package org.fewshotct.command;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.io.ChallengeCsvReader;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Reads a challenge CSV (pixels as rows, slices as columns) as a 16-bit label stack. */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Import Challenge Labels")
public class ImportChallengeLabelsCommand extends SuiteCommand {

	@Parameter(label = "csv", style = "open",
		description = "Challenge CSV: one row per pixel, one column per slice", persist = false)
	private File csv;

	@Parameter(label = "width", required = false,
		description = "Slice width (0: square, from the row count)", persist = false)
	private int width = 0;

	@Parameter(label = "height", required = false,
		description = "Slice height (0: square, from the row count)", persist = false)
	private int height = 0;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus labels;

	@Override
	protected void execute() {
		try {
			labels = ChallengeCsvReader.read(csv, width, height, SliceParallel.defaultThreads(), new ImageJProgress(
				"Import Challenge Labels"));
		}
		catch (final IOException e) {
			throw new org.fewshotct.core.UserInputException("Cannot read " + csv + ": " + e.getMessage(), e);
		}
	}
}
