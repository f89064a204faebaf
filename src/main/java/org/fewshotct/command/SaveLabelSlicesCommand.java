package org.fewshotct.command;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.LabelSliceWriter;
import org.fewshotct.core.io.OutputPaths;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Saves a label stack as one PNG per slice, named after the slice labels. */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Save Label Slices")
public class SaveLabelSlicesCommand extends SuiteCommand {

	@Parameter(label = "labels", description = "Label stack (8 or 16-bit)", persist = false, autoFill = false)
	private ImagePlus labels;

	@Parameter(label = "folder", style = "directory", description = "Folder to write the PNG slices into", persist = false)
	private File folder;

	@Override
	protected void execute() {
		final List<ImagePlus> inputs = OpenImages.all();
		OutputPaths.requireFolder(folder, inputs);
		// A slice may be named like an input file in that folder: a PNG opened with ImageJ's open().
		for (final File file : LabelSliceWriter.files(labels, folder))
			OutputPaths.requireFile(file, inputs);
		try {
			LabelSliceWriter.write(labels, folder, new ImageJProgress("Save Label Slices"));
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot write into " + folder + ": " + e.getMessage(), e);
		}
	}
}
