package org.fewshotct.core.unet;

/** One training slice: its CT values as stored (not yet windowed) and its instance labels, row-major. */
final class LabelledSlice {

	final float[] values;
	final int[] labels;
	final int width;
	final int height;

	LabelledSlice(final float[] values, final int[] labels, final int width, final int height) {
		if (values.length != width * height || labels.length != width * height)
			throw new IllegalArgumentException("slice arrays do not hold " + width + "x" + height + " pixels");
		this.values = values;
		this.labels = labels;
		this.width = width;
		this.height = height;
	}
}
