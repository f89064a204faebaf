package org.fewshotct.command;

import ij.IJ;
import ij.ImagePlus;

import org.fewshotct.core.IntensityWindow;
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
public class BaselineCommand implements Command {

	private static final String TITLE = "Sobel Watershed Baseline";

	@Parameter(label = "ct", description = "CT stack: 8-bit (used as is), 16-bit (HU + 1024) or 32-bit (HU)")
	private ImagePlus ct;

	@Parameter(label = "median_radius", required = false, description = "Radius of the median's disk")
	private int median_radius = BaselineSettings.DEFAULT.medianRadius();

	@Parameter(label = "gradient_radius", required = false,
		description = "Radius of the disk of the morphological gradient that finds the markers")
	private int gradient_radius = BaselineSettings.DEFAULT.gradientRadius();

	@Parameter(label = "marker_threshold", required = false,
		description = "Markers are where the gradient is below this (8-bit grey levels)")
	private int marker_threshold = BaselineSettings.DEFAULT.markerThreshold();

	@Parameter(label = "compactness", required = false,
		description = "Weight of the distance to the marker in the watershed (0: plain watershed)")
	private double compactness = BaselineSettings.DEFAULT.compactness();

	@Parameter(label = "window_min", required = false,
		description = "Lower end of the window mapped to 8 bits: HU for 16/32-bit CT, grey value for 8-bit " +
			"(NaN: the default, -1000 HU or 0)")
	private double window_min = Double.NaN;

	@Parameter(label = "window_max", required = false,
		description = "Upper end of the window: HU for 16/32-bit CT, grey value for 8-bit (NaN: the default, " +
			"1000 HU or 255)")
	private double window_max = Double.NaN;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus labels;

	@Override
	public void run() {
		final BaselineSettings settings = new BaselineSettings(median_radius, gradient_radius, marker_threshold,
			compactness, window(window_min, window_max, ct.getBitDepth()));
		labels = new BaselineSegmenter(settings, SliceParallel.defaultThreads()).segment(ct, new ImageJProgress(TITLE));
		IJ.showStatus(TITLE + ": " + labels.getTitle());
	}

	/**
	 * The window the user gave, or null (both keys NaN) for the default of the bit depth: grey values for 8-bit
	 * CT, HU for 16-bit (stored as HU + 1024) and 32-bit.
	 */
	static IntensityWindow window(final double min, final double max, final int bitDepth) {
		final boolean noMin = Double.isNaN(min);
		final boolean noMax = Double.isNaN(max);
		if (noMin && noMax) return null;
		if (noMin || noMax) throw new UserInputException(TITLE + " needs both window_min= and window_max=, or neither");
		// Checked here, in the units the user typed: the window below may be in stored units (HU + 1024).
		if (!(max > min)) throw new UserInputException(TITLE + " needs window_max= above window_min=, got window_min=" +
			number(min) + " window_max=" + number(max) + (bitDepth == 8 ? "" : " (HU)"));
		return bitDepth == 8 ? new IntensityWindow(min, max) : IntensityWindow.hounsfield(min, max, bitDepth);
	}

	private static String number(final double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}
}
