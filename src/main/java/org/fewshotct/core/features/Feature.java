package org.fewshotct.core.features;

import java.util.List;

import org.fewshotct.core.PlainNumbers;
import org.fewshotct.core.filter.Derivatives;
import org.fewshotct.core.filter.Hessian;
import org.fewshotct.core.filter.LineFilters;

/**
 * The families of per-pixel features, selectable by name. Each family turns the windowed slice (intensities
 * in [0, 1]) into one or more planes, most of them once per scale sigma. In the spirit of Trainable Weka
 * Segmentation's defaults, plus what CT makes useful (intensity in narrow Hounsfield windows, local variance).
 */
public enum Feature {

	/** The windowed intensity itself. */
	ORIGINAL("original") {
		@Override
		void name(final double[] sigmas, final List<String> names) {
			names.add(key());
		}

		@Override
		void compute(final SliceContext slice, final List<float[]> planes) {
			planes.add(slice.unit());
		}
	},
	/** Gaussian-smoothed intensity per sigma. */
	GAUSSIAN("gaussian") {
		@Override
		void compute(final SliceContext slice, final List<float[]> planes) {
			for (final double sigma : slice.sigmas())
				planes.add(slice.blurred(sigma));
		}
	},
	/** Gradient magnitude of the smoothed intensity per sigma: edges at that scale (TWS's Sobel filter). */
	GRADIENT("gradient") {
		@Override
		void compute(final SliceContext slice, final List<float[]> planes) {
			for (final double sigma : slice.sigmas()) {
				final float[] magnitude = slice.newPlane();
				Derivatives.gradientMagnitude(slice.blurred(sigma), slice.width(), slice.height(), magnitude);
				planes.add(magnitude);
			}
		}
	},
	/** The Hessian descriptors ({@link Hessian#DESCRIPTORS}) of the smoothed intensity per sigma. */
	HESSIAN("hessian") {
		@Override
		void name(final double[] sigmas, final List<String> names) {
			for (final double sigma : sigmas)
				for (final String descriptor : Hessian.DESCRIPTORS)
					names.add(key() + "_" + descriptor + "_" + PlainNumbers.of(sigma));
		}

		@Override
		void compute(final SliceContext slice, final List<float[]> planes) {
			for (final double sigma : slice.sigmas()) {
				final float[][] out = new float[Hessian.DESCRIPTORS.length][];
				for (int d = 0; d < out.length; d++)
					out[d] = slice.newPlane();
				Hessian.describe(slice.blurred(sigma), slice.width(), slice.height(), out);
				for (final float[] plane : out)
					planes.add(plane);
			}
		}
	},
	/** Differences of Gaussians for every pair of sigmas, larger minus smaller: blobs between the two scales. */
	DOG("dog") {
		@Override
		void name(final double[] sigmas, final List<String> names) {
			for (int i = 0; i < sigmas.length; i++)
				for (int j = i + 1; j < sigmas.length; j++)
					names.add(key() + "_" + PlainNumbers.of(sigmas[j]) + "_" + PlainNumbers.of(sigmas[i]));
		}

		@Override
		void compute(final SliceContext slice, final List<float[]> planes) {
			final double[] sigmas = slice.sigmas();
			for (int i = 0; i < sigmas.length; i++) {
				for (int j = i + 1; j < sigmas.length; j++) {
					final float[] small = slice.blurred(sigmas[i]);
					final float[] large = slice.blurred(sigmas[j]);
					final float[] difference = slice.newPlane();
					for (int p = 0; p < difference.length; p++)
						difference[p] = large[p] - small[p];
					planes.add(difference);
				}
			}
		}
	},
	/**
	 * Membrane projections: a 19-pixel line filter at 12 orientations summarised over orientations
	 * ({@link LineFilters#PROJECTIONS}); finds thin walls between organs.
	 */
	MEMBRANE("membrane") {
		@Override
		void name(final double[] sigmas, final List<String> names) {
			for (final String projection : LineFilters.PROJECTIONS)
				names.add(key() + "_" + projection);
		}

		@Override
		void compute(final SliceContext slice, final List<float[]> planes) {
			final float[][] out = new float[LineFilters.PROJECTIONS.length][];
			for (int d = 0; d < out.length; d++)
				out[d] = slice.newPlane();
			LineFilters.project(slice.unit(), slice.width(), slice.height(), MEMBRANE_LENGTH, MEMBRANE_ORIENTATIONS, out);
			for (final float[] plane : out)
				planes.add(plane);
		}
	},
	/**
	 * The intensity in narrow CT windows ({@link HounsfieldWindows}), clipped to each window and then
	 * smoothed per sigma: contrast among soft tissues that the wide window compresses, without bone and air
	 * dominating the local averages.
	 */
	WINDOWS("windows") {
		@Override
		void name(final double[] sigmas, final List<String> names) {
			for (final String window : HounsfieldWindows.NAMES)
				for (final double sigma : sigmas)
					names.add(key() + "_" + window + "_" + PlainNumbers.of(sigma));
		}

		@Override
		void compute(final SliceContext slice, final List<float[]> planes) {
			for (int w = 0; w < HounsfieldWindows.NAMES.length; w++)
				for (final double sigma : slice.sigmas())
					planes.add(slice.windowBlurred(w, sigma));
		}
	},
	/** Local mean in a square of radius sigma (rounded). */
	MEAN("mean") {
		@Override
		void compute(final SliceContext slice, final List<float[]> planes) {
			for (final double sigma : slice.sigmas())
				planes.add(slice.moments(sigma)[0]);
		}
	},
	/** Local variance in a square of radius sigma (rounded): texture. */
	VARIANCE("variance") {
		@Override
		void compute(final SliceContext slice, final List<float[]> planes) {
			for (final double sigma : slice.sigmas())
				planes.add(slice.moments(sigma)[1]);
		}
	};

	/** Length (pixels) and orientation count of the membrane line filter. */
	static final int MEMBRANE_LENGTH = 19;
	static final int MEMBRANE_ORIENTATIONS = 12;

	private final String key;

	Feature(final String key) {
		this.key = key;
	}

	/** The family's name as users write it (in {@code features=}) and as it prefixes its plane names. */
	public String key() {
		return key;
	}

	/**
	 * Appends the names of this family's planes for these sigmas, in the order {@link #compute} adds them: by
	 * default one plane per sigma, named {@code key_sigma}.
	 */
	void name(final double[] sigmas, final List<String> names) {
		for (final double sigma : sigmas)
			names.add(key() + "_" + PlainNumbers.of(sigma));
	}

	/** Appends this family's planes for one slice. Planes may be shared with other families: never modify them. */
	abstract void compute(SliceContext slice, List<float[]> planes);

	/** The family with this key (case-insensitive), or null. */
	public static Feature byKey(final String key) {
		for (final Feature feature : values())
			if (feature.key.equalsIgnoreCase(key.trim())) return feature;
		return null;
	}
}
