package org.fewshotct.command;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.ChallengeCsvWriter;
import org.fewshotct.core.io.OutputPaths;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Writes a label stack as a challenge CSV, the exact inverse of Import Challenge Labels. */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Export Challenge Labels")
public class ExportChallengeLabelsCommand extends SuiteCommand {

	@Parameter(label = "labels", description = "Label stack (8 or 16-bit)", persist = false, autoFill = false)
	private ImagePlus labels;

	@Parameter(label = "csv", style = "save", description = "CSV file to write", persist = false)
	private File csv;

	@Override
	protected void execute() {
		OutputPaths.requireFile(csv, OpenImages.all());
		try {
			ChallengeCsvWriter.write(labels, csv, SliceParallel.defaultThreads(), new ImageJProgress(
				"Export Challenge Labels"));
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot write " + csv + ": " + e.getMessage(), e);
		}
	}
}
