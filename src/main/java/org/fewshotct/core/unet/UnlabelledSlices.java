package org.fewshotct.core.unet;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.util.zip.CRC32;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.UnlabelledCt;

/**
 * Raw CT slices without masks that a training learns from besides the labelled ones (see
 * {@link PseudoLabels}): checked against the labelled CT and held in its stored values.
 */
final class UnlabelledSlices {

	/** Their values as floats, one slice per entry, as {@link TrainingSlices} holds the labelled ones. */
	final ImageStack values;

	private UnlabelledSlices(final ImageStack values) {
		this.values = values;
	}

	/**
	 * The slices of {@code unlabelled} (refused unless they pass {@link UnlabelledCt#require}) in the stored values
	 * of {@code ct}: each value read through the unlabelled stack's own calibration and stored as the CT stores
	 * that HU, since the model's intensity window is the CT's in stored values. Signed DICOM beside PNG slices of
	 * HU + 1024, or 8-bit beside 16-bit, then teach the same tissue.
	 */
	static UnlabelledSlices of(final ImagePlus unlabelled, final ImagePlus ct) {
		UnlabelledCt.require(unlabelled, ct);
		final HounsfieldScale from = HounsfieldScale.of(unlabelled);
		final HounsfieldScale to = HounsfieldScale.of(ct);
		final ImageStack source = unlabelled.getStack();
		final ImageStack values = new ImageStack(ct.getWidth(), ct.getHeight());
		for (int s = 1; s <= source.getSize(); s++) {
			final ImageProcessor slice = source.getProcessor(s);
			final float[] v = new float[slice.getPixelCount()];
			for (int i = 0; i < v.length; i++)
				v[i] = (float) to.stored(from.hu(slice.getf(i)));
			values.addSlice(source.getSliceLabel(s), new FloatProcessor(ct.getWidth(), ct.getHeight(), v));
		}
		return new UnlabelledSlices(values);
	}

	int size() {
		return values.getSize();
	}

	/** Adds every value to a fingerprint, so that a training with other unlabelled slices does not resume. */
	void fingerprint(final CRC32 crc) {
		crc.update(size());
		for (int s = 1; s <= size(); s++)
			for (final float v : (float[]) values.getPixels(s))
				crc.update(Float.floatToIntBits(v));
	}
}
