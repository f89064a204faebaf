package org.fewshotct.core.compare;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as a picture: on the left each method's adjusted Rand index per slice (one line each, with a
 * legend), on the right each method's mean as a bar. Without a truth it shows run time per slice instead. Made
 * with ImageJ's {@link Plot}, which draws without a display, so batch runs get the same picture.
 */
public final class ComparisonPlot {

	/** Method colours, in method order (Okabe-Ito, readable by colour-blind viewers): blue, orange, green... */
	public static final Color[] COLOURS = { new Color(0x0072b2), new Color(0xe69f00), new Color(0x009e73),
		new Color(0xcc79a7), new Color(0xd55e00), new Color(0x56b4e9) };

	static final int LINES_WIDTH = 720;
	static final int BARS_WIDTH = 300;
	static final int HEIGHT = 420;

	private ComparisonPlot() {}

	/** The plot as an RGB image titled {@code <ct title>-plot}. */
	public static ImagePlus of(final Comparison comparison) {
		final boolean ari = comparison.hasTruth();
		final List<MethodResult> methods = comparison.methods;
		final double[][] values = new double[methods.size()][];
		for (int m = 0; m < values.length; m++)
			values[m] = ari ? methods.get(m).adjusted() : methods.get(m).seconds;
		final String what = ari ? "adjusted Rand index" : "seconds";
		final ImageProcessor lines = lines(comparison, values, what, ari);
		final ImageProcessor bars = bars(comparison, values, "mean " + what, ari);
		final ColorProcessor both = new ColorProcessor(lines.getWidth() + bars.getWidth(), Math.max(lines
			.getHeight(), bars.getHeight()));
		both.setColor(Color.WHITE);
		both.fill();
		both.insert(lines.convertToColorProcessor(), 0, 0);
		both.insert(bars.convertToColorProcessor(), lines.getWidth(), 0);
		return new ImagePlus(comparison.ct.getTitle() + "-plot", both);
	}

	private static ImageProcessor lines(final Comparison comparison, final double[][] values, final String what,
		final boolean ari)
	{
		final int n = comparison.slices();
		final Plot plot = new Plot(what + " per slice", "slice", what);
		plot.setSize(LINES_WIDTH, HEIGHT);
		final double[] x = new double[n];
		for (int s = 0; s < n; s++)
			x[s] = s + 1;
		final Legend legend = Legend.place(values, ari ? zoomedLowest(values) : 0, highest(values, ari), n, ari);
		plot.setLimits(0.5, n + 0.5, legend.low, legend.high);
		final StringBuilder names = new StringBuilder();
		for (int m = 0; m < values.length; m++) {
			plot.setColor(colour(m), colour(m));
			plot.setLineWidth(2);
			plot.add(n > 40 ? "line" : "connected circle", x, values[m]);
			names.append(m == 0 ? "" : "\n").append(comparison.methods.get(m).name);
		}
		plot.setColor(Color.BLACK);
		plot.setLineWidth(1);
		plot.setLegend(names.toString(), legend.corner);
		return plot.getProcessor();
	}

	private static ImageProcessor bars(final Comparison comparison, final double[][] values, final String what,
		final boolean ari)
	{
		final int count = values.length;
		final Plot plot = new Plot(what, "", what, Plot.Y_NUMBERS | Plot.Y_TICKS | Plot.Y_GRID |
			Plot.X_TICKS);
		plot.setSize(BARS_WIDTH, HEIGHT);
		final double top = highest(values, ari);
		final double bottom = Math.min(0, lowest(values));
		plot.setLimits(0.4, count + 0.6, bottom, top * (ari ? 1.16 : 1.25));
		plot.setJustification(Plot.CENTER);
		for (int m = 0; m < count; m++) {
			final double mean = ComparisonTable.summarise(values[m], ComparisonTable.MEAN, !ari);
			plot.setColor(colour(m), colour(m));
			plot.add("filled", new double[] { m + 0.7, m + 1.3 }, new double[] { mean, mean });
			plot.setColor(Color.BLACK);
			final double above = Math.max(mean, 0) + top * 0.02;
			plot.addText(String.format(Locale.ROOT, ari ? "%.3f" : "%.2f s", mean), m + 1, above);
			plot.addText(comparison.methods.get(m).name, m + 1, above + top * 0.07);
		}
		return plot.getProcessor();
	}

	private static Color colour(final int method) {
		return COLOURS[method % COLOURS.length];
	}

	/** The lowest value, or 0. */
	private static double lowest(final double[][] values) {
		double low = 0;
		for (final double[] v : values)
			for (final double x : v)
				low = Math.min(low, x);
		return low;
	}

	/**
	 * The bottom of the ARI axis of the lines: the tenth below the lowest value, so methods that all score
	 * near 1 are still told apart (the bars, which start at 0, show the scale).
	 */
	private static double zoomedLowest(final double[][] values) {
		double low = 1;
		for (final double[] v : values)
			for (final double x : v)
				low = Math.min(low, x);
		return Math.min(0.9, Math.floor(low * 10 - 1e-9) / 10);
	}

	/** The top of the value axis: 1 for the ARI, else a little above the largest value. */
	private static double highest(final double[][] values, final boolean ari) {
		if (ari) return 1;
		double high = 0;
		for (final double[] v : values)
			for (final double x : v)
				high = Math.max(high, x);
		return high > 0 ? high * 1.1 : 1;
	}

	/**
	 * Where the legend of the lines goes: the corner with the fewest values behind it; when every corner has
	 * some, the value axis is stretched (down for the ARI, up for times) to make room in one.
	 */
	static final class Legend {

		final double low;
		final double high;
		final int corner;

		private Legend(final double low, final double high, final int corner) {
			this.low = low;
			this.high = high;
			this.corner = corner;
		}

		static Legend place(final double[][] values, final double low, final double high, final int n,
			final boolean ari)
		{
			final double band = (high - low) * (0.06 + 0.07 * values.length);
			final int[] corners = { Plot.TOP_RIGHT, Plot.BOTTOM_RIGHT, Plot.TOP_LEFT, Plot.BOTTOM_LEFT };
			final int[] behind = new int[corners.length];
			for (final double[] v : values)
				for (int s = 0; s < v.length; s++) {
					final boolean right = s >= n * 2 / 3;
					final boolean left = s < (n + 2) / 3;
					final boolean top = v[s] > high - band;
					final boolean bottom = v[s] < low + band;
					if (right && top) behind[0]++;
					if (right && bottom) behind[1]++;
					if (left && top) behind[2]++;
					if (left && bottom) behind[3]++;
				}
			int best = 0;
			for (int c = 1; c < corners.length; c++)
				if (behind[c] < behind[best]) best = c;
			if (behind[best] == 0) return new Legend(low, high, corners[best]);
			final double stretch = band * 1.2;
			return ari ? new Legend(low - stretch, high, Plot.BOTTOM_RIGHT) : new Legend(low, high + stretch,
				Plot.TOP_RIGHT);
		}
	}
}
