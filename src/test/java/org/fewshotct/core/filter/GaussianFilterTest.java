package org.fewshotct.core.filter;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImgs;

import org.junit.Test;

public class GaussianFilterTest {

	@Test
	public void reflectMirrorsAboutTheOuterSideOfTheEdgePixels() {
		final int[] expected = { 1, 0, 0, 1, 2, 3, 4, 4, 3, 0 };
		final int[] indices = { -2, -1, 0, 1, 2, 3, 4, 5, 6, 9 };
		for (int k = 0; k < indices.length; k++)
			assertEquals("index " + indices[k], expected[k], Borders.reflect(indices[k], 5));
		assertEquals(0, Borders.reflect(-7, 1));
	}

	@Test
	public void kernelIsNormalisedAndCutAtFourSigma() {
		final float[] half = GaussianFilter.halfKernel(2);
		assertEquals(9, half.length);
		double sum = half[0];
		for (int k = 1; k < half.length; k++)
			sum += 2 * half[k];
		assertEquals(1, sum, 1e-6);
		assertEquals(Math.exp(-0.5), half[2] / half[0], 1e-6);
	}

	@Test
	public void anImpulseBecomesTheSeparableKernel() {
		final int w = 21;
		final float[] plane = new float[w * w];
		plane[10 * w + 10] = 1;
		final float[] out = new float[plane.length];
		GaussianFilter.blur(plane, out, w, w, 1.5);
		final float[] half = GaussianFilter.halfKernel(1.5);
		for (int dy = -6; dy <= 6; dy++)
			for (int dx = -6; dx <= 6; dx++)
				assertEquals(half[Math.abs(dx)] * half[Math.abs(dy)], out[(10 + dy) * w + 10 + dx], 1e-7);
	}

	@Test
	public void aConstantStaysConstantUpToTheBorders() {
		final float[] plane = new float[7 * 5];
		Arrays.fill(plane, 3.25f);
		GaussianFilter.blur(plane, plane, 7, 5, 4);
		for (final float v : plane)
			assertEquals(3.25f, v, 1e-5f);
	}

	@Test
	public void aRampIsKeptAwayFromTheBorders() {
		final int w = 64;
		final float[] plane = new float[w * 8];
		for (int i = 0; i < plane.length; i++)
			plane[i] = i % w;
		final float[] out = new float[plane.length];
		GaussianFilter.blur(plane, out, w, 8, 2);
		for (int x = 9; x < w - 9; x++)
			assertEquals(x, out[3 * w + x], 1e-4);
	}

	@Test
	public void theImgLib2OverloadGivesTheSamePixels() {
		final float[] plane = new float[12 * 9];
		for (int i = 0; i < plane.length; i++)
			plane[i] = (i * 37) % 11;
		final float[] out = new float[plane.length];
		GaussianFilter.blur(plane, out, 12, 9, 1);
		assertArrayEquals(out, GaussianFilter.blur(ArrayImgs.floats(plane.clone(), 12, 9), 1).update(null)
			.getCurrentStorageArray(), 0f);
	}
}
