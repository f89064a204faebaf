package org.fewshotct.command;

import ij.ImagePlus;

import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.view.LabelOverlays;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Labels as a coloured overlay on their CT, for looking at results: a new RGB stack {@code <ct>-overlay}, the
 * CT windowed to [-1000, 1000] HU, each structure filled and outlined in a colour no touching structure shares.
 * An RGB stack rather than an ImageJ overlay on the CT window, so Fiji, plain ImageJ and headless macros all
 * get the same pixels and can save them as they are.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Label Overlay")
public class LabelOverlayCommand extends SuiteCommand {

	@Parameter(label = "ct",
		description = "CT stack, in HU through its calibration (uncalibrated: 8-bit windowed, 16-bit HU + 1024, " +
			"32-bit HU)", persist = false, autoFill = false)
	private ImagePlus ct;

	@Parameter(label = "labels",
		description = "Label stack of the same size (8 or 16-bit)", persist = false, autoFill = false)
	private ImagePlus labels;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus overlay;

	@Override
	protected void execute() {
		overlay = LabelOverlays.overlay(ct, labels, SliceParallel.defaultThreads(), new ImageJProgress(
			"Label Overlay"));
	}
}
