package org.fewshotct.command;

import ij.IJ;
import ij.ImagePlus;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.nifti.NiftiVolumes;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Opens a NIfTI segmentation volume as challenge-style instance labels: every 8-connected component of every
 * class in a slice is one instance.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Import Label Volume")
public class ImportLabelVolumeCommand extends SuiteCommand {

	private static final String TITLE = "Import Label Volume";

	@Parameter(label = "file", style = "open", description = "NIfTI segmentation (.nii or .nii.gz), one class per voxel",
		persist = false)
	private File file;

	@Parameter(label = "min_size", required = false, min = "0", description = "Components smaller than this " +
		"(pixels) become background", persist = false)
	private int min_size = 0;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus labels;

	@Override
	protected void execute() {
		try {
			labels = NiftiVolumes.openLabels(file, min_size, new ImageJProgress(TITLE));
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot read " + file + ": " + e.getMessage(), e);
		}
		IJ.log(TITLE + ": " + file.getName() + " " + labels.getProp(NiftiVolumes.ORIENTATION));
	}
}
