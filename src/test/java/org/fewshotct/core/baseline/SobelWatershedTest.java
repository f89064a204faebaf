package org.fewshotct.core.baseline;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ij.process.ImageProcessor;

import java.io.File;

import net.imglib2.img.array.ArrayImgs;

import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.metric.RandIndex;
import org.junit.Test;

public class SobelWatershedTest {

	/**
	 * Crops of the embedded phantom slices, segmented by scikit-image 0.19 as the challenge notebook does
	 * (make_skimage_baseline_fixture.py). Sobel, median, gradient and markers are exact; the watershed breaks
	 * ties between equal markers in raster order where scikit-image's heap uses its own order, which on real
	 * slices can move a few pixels between regions (bench/baseline.sh measures that); these crops have no ties.
	 */
	@Test
	public void agreesWithScikitImageOnPhantomCrops() throws Exception {
		assertAgreement("phantom-abdomen", 0, 1.0);
		assertAgreement("phantom-edge", 0, 1.0);
		assertAgreement("phantom-pelvis-edge", 0, 1.0);
	}

	private static void assertAgreement(final String crop, final int maximumDiffering, final double minimumAri)
		throws Exception
	{
		final ImageProcessor image = read("crop-" + crop + ".png");
		final ImageProcessor expected = read("crop-" + crop + "-skimage.png");
		assertEquals(crop, 8, image.getBitDepth());
		final int[] labels = SobelWatershed.segment((byte[]) image.getPixels(), image.getWidth(), image.getHeight(),
			BaselineSettings.DEFAULT);
		final short[] skimage = (short[]) expected.convertToShort(false).getPixels();
		final short[] java = new short[labels.length];
		int differing = 0;
		for (int i = 0; i < labels.length; i++) {
			java[i] = (short) labels[i];
			if (java[i] != skimage[i]) differing++;
		}
		assertTrue(crop + ": " + differing + " pixels differ", differing <= maximumDiffering);
		// Every pixel is labelled, so truth > 0 everywhere: this is the ARI over all pixels.
		final double ari = RandIndex.score(skimage, java).adjusted;
		assertTrue(crop + ": ARI " + ari, ari >= minimumAri);
	}

	@Test
	public void imgLib2VersionGivesTheSameLabels() throws Exception {
		final ImageProcessor image = read("crop-phantom-abdomen.png");
		final byte[] pixels = (byte[]) image.getPixels();
		final int[] expected = SobelWatershed.segment(pixels, image.getWidth(), image.getHeight(),
			BaselineSettings.DEFAULT);
		final int[] labels = SobelWatershed.segment(ArrayImgs.unsignedBytes(pixels, image.getWidth(), image
			.getHeight()), BaselineSettings.DEFAULT).update(null).getCurrentStorageArray();
		assertArrayEquals(expected, labels);
	}

	/** Two flat discs on a flat background: three flat regions, three labels, split on the discs' rims. */
	@Test
	public void flatRegionsBecomeOneLabelEach() {
		final int size = 48;
		final byte[] image = new byte[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				image[y * size + x] = (byte) (inDisc(x, y, 14, 14) || inDisc(x, y, 34, 32) ? 180 : 40);
		final int[] labels = SobelWatershed.segment(image, size, size, BaselineSettings.DEFAULT);
		final int background = labels[0];
		final int first = labels[14 * size + 14];
		final int second = labels[32 * size + 34];
		assertTrue(background != first && first != second && background != second);
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				if (distanceToRim(x, y) > 3) assertEquals(x + "," + y, inDisc(x, y, 14, 14) ? first : inDisc(x, y, 34, 32)
					? second : background, labels[y * size + x]);
	}

	private static boolean inDisc(final int x, final int y, final int cx, final int cy) {
		return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= 81;
	}

	private static double distanceToRim(final int x, final int y) {
		return Math.min(Math.abs(Math.hypot(x - 14, y - 14) - 9), Math.abs(Math.hypot(x - 34, y - 32) - 9));
	}

	private static ImageProcessor read(final String name) throws Exception {
		return SliceFolderReader.readSlice(new File(SobelWatershedTest.class.getResource(name).toURI()));
	}
}
