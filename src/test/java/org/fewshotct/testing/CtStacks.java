package org.fewshotct.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

import java.util.Random;

import org.fewshotct.core.Stacks;

/** CT-like 16-bit stacks (HU + 1024) for tests, made to go with a label stack. */
public final class CtStacks {

	private CtStacks() {}

	/** A CT whose structures are brighter by label and noisy (seeded), with the labels' slice names. */
	public static ImagePlus under(final ImagePlus labels, final long seed) {
		final Random random = new Random(seed);
		final ImageStack stack = new ImageStack(labels.getWidth(), labels.getHeight());
		for (int s = 1; s <= labels.getStackSize(); s++) {
			final int[] values = Stacks.labelValues(labels.getStack().getProcessor(s));
			final short[] pixels = new short[values.length];
			for (int i = 0; i < values.length; i++)
				pixels[i] = (short) (1024 - 200 + 60 * values[i] + random.nextInt(40));
			stack.addSlice(labels.getStack().getSliceLabel(s), new ShortProcessor(labels.getWidth(), labels
				.getHeight(), pixels, null));
		}
		return new ImagePlus("ct", stack);
	}

	/** A pixel size that no test data has by chance. */
	public static final double PIXEL_MM = 0.7;

	/**
	 * A copy of a 16-bit HU + 1024 CT as a DICOM series opens: the same Hounsfield units through a calibration
	 * function (HU = -1024 + value), and a pixel size of {@link #PIXEL_MM} mm.
	 */
	public static ImagePlus calibratedAsDicom(final ImagePlus ct) {
		final ImagePlus calibrated = ct.duplicate();
		calibrated.setTitle(ct.getTitle());
		final Calibration calibration = calibrated.getCalibration();
		calibration.setFunction(Calibration.STRAIGHT_LINE, new double[] { -1024, 1 }, "HU");
		calibration.pixelWidth = PIXEL_MM;
		calibration.pixelHeight = PIXEL_MM;
		calibration.setUnit("mm");
		return calibrated;
	}

	/** Labels or maps made from {@link #calibratedAsDicom} keep its pixel size, and their values are their own. */
	public static void assertCalibratedLikeTheCtButNotInHu(final ImagePlus made) {
		final Calibration calibration = made.getCalibration();
		assertEquals(made.getTitle(), PIXEL_MM, calibration.pixelWidth, 0);
		assertEquals(made.getTitle(), PIXEL_MM, calibration.pixelHeight, 0);
		assertEquals(made.getTitle(), "mm", calibration.getUnit());
		assertFalse(made.getTitle() + " measures in HU", calibration.calibrated());
	}
}
