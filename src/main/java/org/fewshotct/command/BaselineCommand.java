package org.fewshotct.command;

import ij.IJ;
import ij.ImagePlus;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.PlainNumbers;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The challenge's classical baseline (Sobel edges, median, gradient markers, compact watershed) on every
 * slice of a CT stack, as a 16-bit label stack {@code <ct>-baseline}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Sobel Watershed Baseline")
public class BaselineCommand extends SuiteCommand {

	private static final String TITLE = "Sobel Watershed Baseline";

	@Parameter(label = "ct", description = "CT stack: HU through its calibration; uncalibrated 16-bit is HU + 1024, " +
		"32-bit HU, 8-bit windowed to [-1000, 1000] HU", persist = false, autoFill = false)
	private ImagePlus ct;

	@Parameter(label = "median_radius", required = false, description = "Radius of the median's disk", persist = false)
	private int median_radius = BaselineSettings.DEFAULT.medianRadius();

	@Parameter(label = "gradient_radius", required = false,
		description = "Radius of the disk of the morphological gradient that finds the markers", persist = false)
	private int gradient_radius = BaselineSettings.DEFAULT.gradientRadius();

	@Parameter(label = "marker_threshold", required = false,
		description = "Markers are where the gradient is below this (8-bit grey levels)", persist = false)
	private int marker_threshold = BaselineSettings.DEFAULT.markerThreshold();

	@Parameter(label = "compactness", required = false,
		description = "Weight of the distance to the marker in the watershed (0: plain watershed)", persist = false)
	private double compactness = BaselineSettings.DEFAULT.compactness();

	@Parameter(label = "window_min", required = false, persist = false,
		description = "Lower end of the window mapped to 8 bits, in HU")
	private double window_min = HounsfieldWindow.DEFAULT.min();

	@Parameter(label = "window_max", required = false, persist = false,
		description = "Upper end of the window mapped to 8 bits, in HU")
	private double window_max = HounsfieldWindow.DEFAULT.max();

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus labels;

	@Override
	protected void execute() {
		final BaselineSettings settings = new BaselineSettings(median_radius, gradient_radius, marker_threshold,
			compactness, window(window_min, window_max));
		labels = new BaselineSegmenter(settings, SliceParallel.defaultThreads()).segment(ct, new ImageJProgress(TITLE));
		IJ.showStatus(TITLE + ": " + labels.getTitle());
	}

	/** The window the user gave in HU, or null for the default; refuses a reversed or non-finite one. */
	static HounsfieldWindow window(final double min, final double max) {
		final boolean noMin = Double.isNaN(min);
		final boolean noMax = Double.isNaN(max);
		if (noMin && noMax) return null;
		if (noMin || noMax) throw new UserInputException(TITLE + " needs both window_min= and window_max=, or neither");
		// Checked here, so the message shows the numbers as the user typed them.
		if (!(max > min)) throw new UserInputException(TITLE + " needs window_max= above window_min=, got window_min=" +
			PlainNumbers.of(min) + " window_max=" + PlainNumbers.of(max) + " (HU)");
		final HounsfieldWindow window = new HounsfieldWindow(min, max);
		return window.equals(HounsfieldWindow.DEFAULT) ? null : window;
	}
}
