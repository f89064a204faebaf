package org.fewshotct.core.features;

import java.util.HashMap;
import java.util.Map;

import org.fewshotct.core.filter.GaussianFilter;
import org.fewshotct.core.filter.LocalMoments;

/**
 * One slice while its features are computed: the windowed intensity and the intermediate planes that several
 * families share (Gaussian blurs per sigma, windowed blurs, local moments), each computed once.
 */
final class SliceContext {

	private final float[] unit;
	private final int width;
	private final int height;
	private final double[] sigmas;
	private final Map<Double, float[]> blurs = new HashMap<>();
	private final Map<String, float[]> windowBlurs = new HashMap<>();
	private final Map<Double, float[][]> moments = new HashMap<>();

	SliceContext(final float[] unit, final int width, final int height, final double[] sigmas) {
		this.unit = unit;
		this.width = width;
		this.height = height;
		this.sigmas = sigmas;
	}

	float[] unit() {
		return unit;
	}

	int width() {
		return width;
	}

	int height() {
		return height;
	}

	double[] sigmas() {
		return sigmas;
	}

	float[] newPlane() {
		return new float[unit.length];
	}

	float[] blurred(final double sigma) {
		return blurs.computeIfAbsent(sigma, s -> {
			final float[] plane = newPlane();
			GaussianFilter.blur(unit, plane, width, height, s);
			return plane;
		});
	}

	float[] windowBlurred(final int window, final double sigma) {
		return windowBlurs.computeIfAbsent(window + "@" + sigma, k -> {
			final float[] plane = HounsfieldWindows.apply(unit, window);
			GaussianFilter.blur(plane, plane, width, height, sigma);
			return plane;
		});
	}

	/** {mean, variance} for a radius of about sigma. */
	float[][] moments(final double sigma) {
		return moments.computeIfAbsent(sigma, s -> {
			final float[][] out = { newPlane(), newPlane() };
			LocalMoments.meanAndVariance(unit, width, height, Math.max(1, (int) Math.round(s)), out[0], out[1]);
			return out;
		});
	}
}
