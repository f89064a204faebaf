package org.fewshotct.core.unet;

/**
 * One training slice: its CT values as stored (not yet windowed), its instance labels and, for pseudo-labels,
 * a weight per pixel (null: every pixel counts fully), row-major.
 */
final class LabelledSlice {

	final float[] values;
	final int[] labels;
	final float[] weights;
	final int width;
	final int height;

	LabelledSlice(final float[] values, final int[] labels, final int width, final int height) {
		this(values, labels, null, width, height);
	}

	LabelledSlice(final float[] values, final int[] labels, final float[] weights, final int width,
		final int height)
	{
		if (values.length != width * height || labels.length != width * height || weights != null &&
			weights.length != width * height)
			throw new IllegalArgumentException("slice arrays do not hold " + width + "x" + height + " pixels");
		this.values = values;
		this.labels = labels;
		this.weights = weights;
		this.width = width;
		this.height = height;
	}
}
