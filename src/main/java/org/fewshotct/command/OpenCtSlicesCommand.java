package org.fewshotct.command;

import ij.ImagePlus;

import java.io.File;

import org.fewshotct.core.io.SliceFolderReader;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Opens a folder of PNG/TIFF CT slices (natural file-name order) or one DICOM series (ordered by slice position)
 * as one stack; DICOM keeps its Hounsfield units in the calibration.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Open CT Slices")
public class OpenCtSlicesCommand extends SuiteCommand {

	@Parameter(label = "folder", style = "directory", description = "Folder of PNG or TIFF slices, or of one DICOM series",
		persist = false)
	private File folder;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus stack;

	@Override
	protected void execute() {
		stack = SliceFolderReader.read(folder, new ImageJProgress("Open CT Slices"));
	}
}
