package org.fewshotct.command;

import ij.IJ;
import ij.ImagePlus;

import java.io.File;

import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.unet.IsolatedTensorFlow;
import org.fewshotct.core.unet.UNetSegmenter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Segments a CT stack with a trained U-Net model folder into a 16-bit instance label stack {@code <ct>-unet}. */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Segment with U-Net")
public class SegmentUNetCommand extends SuiteCommand {

	private static final String TITLE = "Segment with U-Net";

	@Parameter(label = "ct", description = "CT stack to segment", persist = false, autoFill = false)
	private ImagePlus ct;

	@Parameter(label = "model", style = "directory",
		description = "U-Net model folder (from Train U-Net)", persist = false)
	private File model;

	@Parameter(label = "batch", required = false, min = "1", description = "Tiles per network call", persist = false)
	private int batch = UNetSegmenter.DEFAULT_BATCH;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus labels;

	@Override
	protected void execute() {
		try (UNetSegmenter segmenter = UNetSegmenter.load(model, batch, SliceParallel.defaultThreads()))
		{
			if (IsolatedTensorFlow.fallback() != null) IJ.log(TITLE + ": " + IsolatedTensorFlow.fallback());
			IJ.log(TITLE + ": " + segmenter.device());
			labels = segmenter.segment(ct, new ImageJProgress(TITLE));
		}
	}
}
