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

/** Opens a NIfTI CT volume as transverse slices in display orientation, with Hounsfield units. */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Open CT Volume")
public class OpenCtVolumeCommand extends SuiteCommand {

	private static final String TITLE = "Open CT Volume";

	@Parameter(label = "file", style = "open", description = "NIfTI CT volume (.nii or .nii.gz)", persist = false)
	private File file;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus stack;

	@Override
	protected void execute() {
		try {
			stack = NiftiVolumes.openCt(file, new ImageJProgress(TITLE));
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot read " + file + ": " + e.getMessage(), e);
		}
		IJ.log(TITLE + ": " + file.getName() + " " + stack.getProp(NiftiVolumes.ORIENTATION));
	}
}
