package org.fewshotct.core.unet;

import java.util.Random;

import org.fewshotct.core.IntensityWindow;

/**
 * One random variation of a training tile, as CT varies between scans: mirrored, rotated by up to 15
 * degrees and scaled by up to 1.25 times either way (pixel sizes run from about 0.6 to 1 mm between
 * protocols, so a structure's size in pixels does too), seen through an intensity window whose ends move by up
 * to 8 % of its range (contrast agent and scanners shift HU), blurred or sharpened, with Gaussian noise. {@link #NONE} cuts the tile out unchanged. Geometry moves
 * labels with their pixels (nearest neighbour), so the targets are computed after it.
 */
final class Augmentation {

	static final Augmentation NONE = new Augmentation(false, false, 0, 1, 0, 0, 0, 0);

	private static final double MAX_ANGLE = Math.toRadians(15);
	private static final double MAX_LOG_SCALE = Math.log(1.25);
	private static final double MAX_WINDOW_SHIFT = 0.08;
	private static final double MAX_NOISE = 0.03;

	private final boolean flipX;
	private final boolean flipY;
	private final double angle;
	private final double scale;
	private final double lowShift;
	private final double highShift;
	/** Negative blurs, positive sharpens: tile + sharpen * (tile - blurred tile). */
	private final double sharpen;
	private final double noise;

	private Augmentation(final boolean flipX, final boolean flipY, final double angle, final double scale,
		final double lowShift, final double highShift, final double sharpen, final double noise)
	{
		this.flipX = flipX;
		this.flipY = flipY;
		this.angle = angle;
		this.scale = scale;
		this.lowShift = lowShift;
		this.highShift = highShift;
		this.sharpen = sharpen;
		this.noise = noise;
	}

	static Augmentation draw(final Random random) {
		return new Augmentation(random.nextBoolean(), random.nextBoolean(), uniform(random, MAX_ANGLE), Math.exp(uniform(
			random, MAX_LOG_SCALE)), uniform(random, MAX_WINDOW_SHIFT), uniform(random, MAX_WINDOW_SHIFT), random
				.nextBoolean() ? uniform(random, 1) : 0, random.nextBoolean() ? random.nextDouble() * MAX_NOISE : 0);
	}

	private static double uniform(final Random random, final double max) {
		return (2 * random.nextDouble() - 1) * max;
	}

	/**
	 * Writes the tile of side {@code tile} centred on ({@code cx}, {@code cy}) of the slice into
	 * {@code image}, {@code labels} and {@code valid} at {@code offset}: unit intensities, instance labels, and
	 * the slice's pixel weight where the tile pixel lies on the slice (0 beyond its edges, where image is 0 and
	 * labels are 0).
	 */
	void apply(final LabelledSlice slice, final IntensityWindow window, final double cx, final double cy,
		final int tile, final Random random, final float[] image, final int[] labels, final float[] valid,
		final int offset)
	{
		final double cos = Math.cos(angle) / scale;
		final double sin = Math.sin(angle) / scale;
		final double range = window.max() - window.min();
		final double low = window.min() + lowShift * range;
		final double high = window.max() + highShift * range;
		final boolean[] inside = new boolean[tile * tile];
		for (int v = 0; v < tile; v++) {
			for (int u = 0; u < tile; u++) {
				final double du = (flipX ? -1 : 1) * (u + 0.5 - tile / 2.0);
				final double dv = (flipY ? -1 : 1) * (v + 0.5 - tile / 2.0);
				final double sx = cx + cos * du - sin * dv;
				final double sy = cy + sin * du + cos * dv;
				final int i = offset + v * tile + u;
				if (sx < 0 || sy < 0 || sx >= slice.width || sy >= slice.height) {
					image[i] = 0;
					labels[i] = 0;
					valid[i] = 0;
					continue;
				}
				final double value = bilinear(slice, sx - 0.5, sy - 0.5);
				final double unit = (value - low) / (high - low);
				image[i] = (float) (unit < 0 ? 0 : unit > 1 ? 1 : unit);
				inside[v * tile + u] = true;
				final int nearest = (int) sy * slice.width + (int) sx;
				labels[i] = slice.labels[nearest];
				valid[i] = slice.weights == null ? 1 : slice.weights[nearest];
			}
		}
		if (sharpen != 0) sharpen(image, offset, tile);
		if (noise > 0) for (int i = offset; i < offset + tile * tile; i++)
			if (inside[i - offset]) image[i] += (float) (random.nextGaussian() * noise);
	}

	private static double bilinear(final LabelledSlice slice, final double x, final double y) {
		final int x0 = clamp((int) Math.floor(x), slice.width);
		final int y0 = clamp((int) Math.floor(y), slice.height);
		final int x1 = clamp(x0 + 1, slice.width);
		final int y1 = clamp(y0 + 1, slice.height);
		final double fx = Math.min(1, Math.max(0, x - x0));
		final double fy = Math.min(1, Math.max(0, y - y0));
		final float[] p = slice.values;
		final int w = slice.width;
		final double top = p[y0 * w + x0] + fx * (p[y0 * w + x1] - p[y0 * w + x0]);
		final double bottom = p[y1 * w + x0] + fx * (p[y1 * w + x1] - p[y1 * w + x0]);
		return top + fy * (bottom - top);
	}

	private static int clamp(final int i, final int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}

	/** tile + sharpen * (tile - 3x3 binomial blur of tile), edges replicated. */
	private void sharpen(final float[] image, final int offset, final int tile) {
		final float[] copy = new float[tile * tile];
		System.arraycopy(image, offset, copy, 0, copy.length);
		for (int v = 0; v < tile; v++) {
			for (int u = 0; u < tile; u++) {
				double blurred = 0;
				for (int dv = -1; dv <= 1; dv++)
					for (int du = -1; du <= 1; du++)
						blurred += (2 - Math.abs(du)) * (2 - Math.abs(dv)) * copy[clamp(v + dv, tile) * tile + clamp(u + du,
							tile)];
				final float own = copy[v * tile + u];
				image[offset + v * tile + u] = (float) (own + sharpen * (own - blurred / 16));
			}
		}
	}
}
