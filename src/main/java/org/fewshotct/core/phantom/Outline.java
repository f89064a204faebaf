package org.fewshotct.core.phantom;

import java.util.Arrays;

/**
 * A closed polygon in pixel coordinates, filled by scanlines: a pixel belongs to it when its centre lies
 * inside. Polygons rather than per-pixel shape tests keep the fill cheap and free of trigonometry per pixel,
 * and keep every pixel exactly reproducible.
 */
final class Outline {

	/** Receives the filled pixels of one row, from {@code x0} (inclusive) to {@code x1} (exclusive). */
	@FunctionalInterface
	interface Spans {
		void span(int y, int x0, int x1);
	}

	private final double[] xs;
	private final double[] ys;
	final double cx;
	final double cy;

	private Outline(final double[] xs, final double[] ys, final double cx, final double cy) {
		this.xs = xs;
		this.ys = ys;
		this.cx = cx;
		this.cy = cy;
	}

	/** A radial shape: vertex {@code i} at angle 2 pi i / n, at offset {@code (dx[i], dy[i])} from the centre. */
	static Outline radial(final double cx, final double cy, final double[] dx, final double[] dy) {
		final double[] xs = new double[dx.length];
		final double[] ys = new double[dy.length];
		for (int i = 0; i < xs.length; i++) {
			xs[i] = cx + dx[i];
			ys[i] = cy + dy[i];
		}
		return new Outline(xs, ys, cx, cy);
	}

	/**
	 * An irregular ellipse: half axes {@code rx, ry} rotated by {@code angle} (radians), its radius modulated by
	 * {@code shape} (see {@link Wobble}).
	 */
	static Outline blob(final double cx, final double cy, final double rx, final double ry, final double angle,
		final Wobble shape)
	{
		final int n = vertices(Math.max(rx, ry));
		final double cos = StrictMath.cos(angle);
		final double sin = StrictMath.sin(angle);
		final double[] dx = new double[n];
		final double[] dy = new double[n];
		for (int i = 0; i < n; i++) {
			final double t = 2 * Math.PI * i / n;
			final double r = shape.radius(t);
			final double x = rx * r * StrictMath.cos(t);
			final double y = ry * r * StrictMath.sin(t);
			dx[i] = x * cos - y * sin;
			dy[i] = x * sin + y * cos;
		}
		return radial(cx, cy, dx, dy);
	}

	/** Enough vertices that a shape of this radius (pixels) looks smooth, and no more. */
	static int vertices(final double radius) {
		return (int) Math.max(12, Math.min(256, Math.round(2 * Math.PI * radius / 2.5)));
	}

	/** This outline scaled about its centre. */
	Outline scaled(final double factor) {
		return scaled(factor, factor);
	}

	/** This outline scaled about its centre, by different factors across and down. */
	Outline scaled(final double fx, final double fy) {
		final double[] x = new double[xs.length];
		final double[] y = new double[ys.length];
		for (int i = 0; i < x.length; i++) {
			x[i] = cx + (xs[i] - cx) * fx;
			y[i] = cy + (ys[i] - cy) * fy;
		}
		return new Outline(x, y, cx, cy);
	}

	/** This outline with every vertex below row {@code level} (larger y) lifted onto it; exact for convex ones. */
	Outline above(final double level) {
		final double[] y = ys.clone();
		for (int i = 0; i < y.length; i++)
			y[i] = Math.min(y[i], level);
		return new Outline(xs.clone(), y, cx, cy);
	}

	/** The lowest and highest row a vertex reaches. */
	double top() {
		return Arrays.stream(ys).min().getAsDouble();
	}

	double bottom() {
		return Arrays.stream(ys).max().getAsDouble();
	}

	/** Visits the rows of pixels whose centres lie inside (even-odd rule), clipped to the image. */
	void scan(final int width, final int height, final Spans spans) {
		final int n = xs.length;
		final int y0 = Math.max(0, (int) Math.floor(top()));
		final int y1 = Math.min(height - 1, (int) Math.ceil(bottom()));
		final double[] crossings = new double[n];
		for (int y = y0; y <= y1; y++) {
			final double yc = y + 0.5;
			int count = 0;
			for (int i = 0, j = n - 1; i < n; j = i++) {
				final double ya = ys[j];
				final double yb = ys[i];
				if ((ya <= yc && yc < yb) || (yb <= yc && yc < ya))
					crossings[count++] = xs[j] + (yc - ya) * (xs[i] - xs[j]) / (yb - ya);
			}
			Arrays.sort(crossings, 0, count);
			for (int k = 0; k + 1 < count; k += 2) {
				final int from = Math.max(0, (int) Math.ceil(crossings[k] - 0.5));
				final int to = Math.min(width, (int) Math.ceil(crossings[k + 1] - 0.5));
				if (from < to) spans.span(y, from, to);
			}
		}
	}
}
