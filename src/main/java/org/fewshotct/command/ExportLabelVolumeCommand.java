package org.fewshotct.command;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.SourceFiles;
import org.fewshotct.core.io.nifti.NiftiVolumes;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Writes a label stack as a NIfTI volume on the grid of its CT volume, for 3D Slicer, ITK-SNAP or nibabel. */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Export Label Volume")
public class ExportLabelVolumeCommand extends SuiteCommand {

	@Parameter(label = "labels", description = "Label stack (8 or 16-bit), as opened from the reference volume",
		persist = false, autoFill = false)
	private ImagePlus labels;

	@Parameter(label = "file", style = "save", description = "NIfTI file to write (.nii.gz or .nii)", persist = false)
	private File file;

	@Parameter(label = "reference", style = "open", description = "The CT volume (.nii or .nii.gz) the labels " +
		"belong to: its grid and orientation are written", persist = false)
	private File reference;

	@Override
	protected void execute() {
		SourceFiles.requireNotAnInput(file, OpenImages.all());
		try {
			NiftiVolumes.writeLabels(labels, file, reference, new ImageJProgress("Export Label Volume"));
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot write " + file + ": " + e.getMessage(), e);
		}
	}
}
