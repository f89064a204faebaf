package org.fewshotct.core.unet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class AugmentationTest {

	private static final int TILE = 32;

	@Test
	public void blurSpreadsALineAsAGaussianOfTheGivenSigma() {
		final float[] image = new float[TILE * TILE];
		for (int v = 0; v < TILE; v++)
			image[v * TILE + TILE / 2] = 1;
		final double sigma = 1.5;
		Augmentation.blur(image, 0, TILE, sigma);
		final int row = TILE / 2 * TILE;
		double sum = 0, variance = 0;
		for (int u = 0; u < TILE; u++) {
			sum += image[row + u];
			variance += image[row + u] * (u - TILE / 2.0) * (u - TILE / 2.0);
		}
		assertEquals("a blur keeps the intensity", 1, sum, 1e-4);
		assertEquals(sigma * sigma, variance, 0.05);
		assertTrue("the line stays brightest in its middle", image[row + TILE / 2] > image[row + TILE / 2 + 1]);
	}

	@Test
	public void blurLeavesAFlatTileFlatAndTheRestUntouched() {
		final float[] image = new float[2 * TILE * TILE];
		java.util.Arrays.fill(image, TILE * TILE, image.length, 0.4f);
		Augmentation.blur(image, TILE * TILE, TILE, Augmentation.MAX_BLUR);
		for (int i = 0; i < TILE * TILE; i++) {
			assertEquals("before the tile, untouched", 0, image[i], 0);
			assertEquals(0.4, image[TILE * TILE + i], 1e-5);
		}
	}
}
