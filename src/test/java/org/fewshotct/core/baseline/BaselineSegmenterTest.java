package org.fewshotct.core.baseline;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.File;
import java.util.Arrays;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.testing.CancelledProgress;
import org.fewshotct.testing.CtStacks;
import org.fewshotct.testing.TestStacks;
import org.junit.Test;

public class BaselineSegmenterTest {

	private static final String[] CROPS = { "phantom-abdomen", "phantom-edge", "phantom-pelvis-edge" };

	@Test
	public void segmentsEverySliceAsSobelWatershedDoes() throws Exception {
		final ImagePlus ct = crops();
		final ImagePlus labels = new BaselineSegmenter(BaselineSettings.DEFAULT, 2).segment(ct, Progress.NONE);
		assertEquals("crops-baseline", labels.getTitle());
		assertEquals(16, labels.getBitDepth());
		assertEquals(3, labels.getStackSize());
		for (int s = 1; s <= 3; s++) {
			assertEquals(CROPS[s - 1], labels.getStack().getSliceLabel(s));
			assertArrayEquals(shorts(SobelWatershed.segment((byte[]) ct.getStack().getPixels(s), 96, 96,
				BaselineSettings.DEFAULT)), (short[]) labels.getStack().getPixels(s));
		}
	}

	/**
	 * 16-bit CT (HU + 1024, or through a calibration function as a DICOM series opens) and 32-bit CT (HU) go
	 * through the default window [-1000, 1000] HU to the same 8 bits, hence the same labels, as the 8-bit slices
	 * made with that window; the labels keep the CT's pixel size but not its Hounsfield units.
	 */
	@Test
	public void sixteenAndThirtyTwoBitCtUseTheHounsfieldWindow() throws Exception {
		final ImagePlus ct = crops();
		final ImageStack shorts = new ImageStack(96, 96);
		final ImageStack floats = new ImageStack(96, 96);
		for (int s = 1; s <= 3; s++) {
			final byte[] bytes = (byte[]) ct.getStack().getPixels(s);
			final short[] stored = new short[bytes.length];
			final float[] hu = new float[bytes.length];
			for (int i = 0; i < bytes.length; i++) {
				hu[i] = Math.round((bytes[i] & 0xff) * 2000 / 255.0) - 1000;
				stored[i] = (short) (hu[i] + 1024);
			}
			shorts.addSlice(CROPS[s - 1], new ShortProcessor(96, 96, stored, null));
			floats.addSlice(CROPS[s - 1], new FloatProcessor(96, 96, hu));
		}
		final BaselineSegmenter baseline = new BaselineSegmenter(BaselineSettings.DEFAULT, 1);
		final ImagePlus expected = baseline.segment(ct, Progress.NONE);
		assertSameLabels(expected, baseline.segment(new ImagePlus("hu16", shorts), Progress.NONE));
		assertSameLabels(expected, baseline.segment(new ImagePlus("hu32", floats), Progress.NONE));
		final ImagePlus fromDicom = baseline.segment(CtStacks.calibratedAsDicom(new ImagePlus("dicom", shorts)),
			Progress.NONE);
		assertSameLabels(expected, fromDicom);
		CtStacks.assertCalibratedLikeTheCtButNotInHu(fromDicom);
	}

	@Test
	public void anExplicitWindowStretchesThe8Bits() throws Exception {
		final ImagePlus ct = crops();
		// 8-bit slices span [-1000, 1000] HU: [-200, 600] HU are grey values 102 and 204.
		final IntensityWindow window = new IntensityWindow(102, 204);
		final ImagePlus labels = new BaselineSegmenter(BaselineSettings.DEFAULT.withWindow(new HounsfieldWindow(-200,
			600)), 1).segment(ct, Progress.NONE);
		final ImageProcessor slice = ct.getStack().getProcessor(1);
		final short[] expected = shorts(SobelWatershed.segment(window.toBytes(slice), 96, 96, BaselineSettings.DEFAULT));
		assertArrayEquals(expected, (short[]) labels.getStack().getPixels(1));
		assertFalse(Arrays.equals(expected, shorts(SobelWatershed.segment((byte[]) slice.getPixels(), 96, 96,
			BaselineSettings.DEFAULT))));
	}

	@Test
	public void refusesALabelImageAsCt() {
		final ImagePlus labels = TestStacks.labels(32, 32, 2, 12, 3);
		try {
			new BaselineSegmenter(BaselineSettings.DEFAULT, 1).segment(labels, Progress.NONE);
			fail("a label image was taken for a CT");
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("'labels'") && e.getMessage().contains(
				"looks like a label image"));
		}
	}

	/**
	 * Zero blocks of 3x3 between lines of many grey values: with gradient radius 1 and threshold 1 only each
	 * block's centre is a marker, 75625 of them, more than 16 bits hold.
	 */
	@Test
	public void refusesMoreMarkersThanSixteenBitsHold() {
		final int size = 1100;
		final byte[] pixels = new byte[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				if (x % 4 == 0 || y % 4 == 0) pixels[y * size + x] = (byte) (100 + (7 * x + 13 * y) % 150);
		final ImagePlus ct = new ImagePlus("grid", new ij.process.ByteProcessor(size, size, pixels));
		final BaselineSettings settings = new BaselineSettings(0, 1, 1, 0.0001, null);
		try {
			new BaselineSegmenter(settings, 1).segment(ct, Progress.NONE);
			fail("75625 labels written to 16 bits");
		}
		catch (final UserInputException e) {
			assertEquals("Slice 1 of 'grid' gives 75625 markers, more than a 16-bit label image holds; change " +
				"marker_threshold or gradient_radius", e.getMessage());
		}
	}

	@Test
	public void stopsWhenCancelled() throws Exception {
		final Progress cancelled = CancelledProgress.INSTANCE;
		try {
			new BaselineSegmenter(BaselineSettings.DEFAULT, 1).segment(crops(), cancelled);
			fail("not cancelled");
		}
		catch (final CancelledException expected) {
			// as it should
		}
	}

	@Test
	public void settingsRefuseNonsenseWithTheKeyInTheMessage() {
		assertRefused(() -> BaselineSettings.DEFAULT.withMedianRadius(-1), "median_radius");
		assertRefused(() -> BaselineSettings.DEFAULT.withGradientRadius(1000), "gradient_radius");
		assertRefused(() -> BaselineSettings.DEFAULT.withMarkerThreshold(0), "marker_threshold");
		assertRefused(() -> BaselineSettings.DEFAULT.withCompactness(Double.NaN), "compactness");
		assertEquals(BaselineSettings.DEFAULT, BaselineSettings.DEFAULT.withCompactness(0.0001));
		assertEquals("median_radius=2 gradient_radius=5 marker_threshold=20 compactness=1.0E-4",
			BaselineSettings.DEFAULT.toString());
	}

	private static void assertRefused(final Runnable make, final String key) {
		try {
			make.run();
			fail(key + " accepted");
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith(key + " must be"));
		}
	}

	private static void assertSameLabels(final ImagePlus expected, final ImagePlus actual) {
		for (int s = 1; s <= expected.getStackSize(); s++)
			assertArrayEquals(actual.getTitle() + " slice " + s, (short[]) expected.getStack().getPixels(s),
				(short[]) actual.getStack().getPixels(s));
	}

	/** The three 96x96 crops of the embedded phantom slices as one 8-bit stack, slices named after them. */
	static ImagePlus crops() throws Exception {
		final ImageStack stack = new ImageStack(96, 96);
		for (final String crop : CROPS)
			stack.addSlice(crop, SliceFolderReader.readSlice(new File(BaselineSegmenterTest.class.getResource("crop-" +
				crop + ".png").toURI())));
		return new ImagePlus("crops", stack);
	}

	private static short[] shorts(final int[] labels) {
		final short[] shorts = new short[labels.length];
		for (int i = 0; i < labels.length; i++)
			shorts[i] = (short) labels[i];
		return shorts;
	}
}
