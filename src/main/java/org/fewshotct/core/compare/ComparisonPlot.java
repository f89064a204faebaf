package org.fewshotct.core.compare;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as a picture: each method's adjusted Rand index per slice (one line each, with a legend), each
 * method's mean ARI as a bar, and each method's seconds per slice as a bar, since speed is part of the choice.
 * Without a truth only the time bars remain. Made with ImageJ's {@link Plot}, which draws without a display, so
 * batch runs get the same picture.
 */
public final class ComparisonPlot {

	/** Method colours, in method order (Okabe-Ito, readable by colour-blind viewers): blue, orange, green... */
	public static final Color[] COLOURS = { new Color(0x0072b2), new Color(0xe69f00), new Color(0x009e73),
		new Color(0xcc79a7), new Color(0xd55e00), new Color(0x56b4e9) };

	static final int LINES_WIDTH = 640;
	static final int BARS_WIDTH = 260;
	static final int HEIGHT = 400;

	private ComparisonPlot() {}

	/** The plot as an RGB image titled {@code <ct title>-plot}. */
	public static ImagePlus of(final Comparison comparison) {
		final List<MethodResult> methods = comparison.methods;
		final double[] seconds = new double[methods.size()];
		for (int m = 0; m < seconds.length; m++)
			seconds[m] = methods.get(m).secondsPerSlice;
		final List<ImageProcessor> panels = new ArrayList<>();
		if (comparison.hasTruth()) {
			final double[][] ari = new double[methods.size()][];
			final double[] means = new double[methods.size()];
			for (int m = 0; m < ari.length; m++) {
				ari[m] = methods.get(m).adjusted();
				means[m] = ComparisonTable.summarise(ari[m], ComparisonTable.MEAN);
			}
			panels.add(lines(comparison, ari));
			panels.add(bars(comparison, means, "mean adjusted Rand index", "%.3f", 1));
		}
		panels.add(bars(comparison, seconds, "seconds per slice", "%.2f s", 0));
		int width = 0;
		int height = 0;
		for (final ImageProcessor panel : panels) {
			width += panel.getWidth();
			height = Math.max(height, panel.getHeight());
		}
		final ColorProcessor all = new ColorProcessor(width, height);
		all.setColor(Color.WHITE);
		all.fill();
		int x = 0;
		for (final ImageProcessor panel : panels) {
			all.insert(panel.convertToColorProcessor(), x, 0);
			x += panel.getWidth();
		}
		return new ImagePlus(comparison.ct.getTitle() + "-plot", all);
	}

	private static ImageProcessor lines(final Comparison comparison, final double[][] values) {
		final int n = comparison.slices();
		final Plot plot = new Plot("adjusted Rand index per slice", "slice", "adjusted Rand index");
		plot.setSize(LINES_WIDTH, HEIGHT);
		final double[] x = new double[n];
		for (int s = 0; s < n; s++)
			x[s] = s + 1;
		final Legend legend = Legend.place(values, zoomedLowest(values), 1, n);
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

	/**
	 * One bar per method, its value and name above it. The value axis starts at 0 (or below, for a negative
	 * ARI) and reaches at least {@code top}, so bars compare by length.
	 */
	private static ImageProcessor bars(final Comparison comparison, final double[] values, final String what,
		final String format, final double top)
	{
		final int count = values.length;
		final Plot plot = new Plot(what, "", what, Plot.Y_NUMBERS | Plot.Y_TICKS | Plot.Y_GRID | Plot.X_TICKS);
		plot.setSize(BARS_WIDTH, HEIGHT);
		double high = top;
		double low = 0;
		for (final double v : values) {
			high = Math.max(high, v);
			low = Math.min(low, v);
		}
		if (high <= 0) high = 1;
		plot.setLimits(0.4, count + 0.6, low, high * 1.18);
		plot.setJustification(Plot.CENTER);
		for (int m = 0; m < count; m++) {
			plot.setColor(colour(m), colour(m));
			plot.add("filled", new double[] { m + 0.7, m + 1.3 }, new double[] { values[m], values[m] });
			plot.setColor(Color.BLACK);
			final double above = Math.max(values[m], 0) + high * 0.02;
			plot.addText(String.format(Locale.ROOT, format, values[m]), m + 1, above);
			plot.addText(comparison.methods.get(m).name, m + 1, above + high * 0.07);
		}
		return plot.getProcessor();
	}

	private static Color colour(final int method) {
		return COLOURS[method % COLOURS.length];
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

	/**
	 * Where the legend of the lines goes: the corner with the fewest values behind it; when every corner has
	 * some, the value axis is stretched down to make room in the bottom right.
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

		static Legend place(final double[][] values, final double low, final double high, final int n) {
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
			return new Legend(low - band * 1.2, high, Plot.BOTTOM_RIGHT);
		}
	}
}
