package org.fewshotct.core.unet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class TilingTest {

	@Test
	public void aSmallSliceIsOneTilePaddedToTheMultiple() {
		final Tiling tiling = new Tiling(5, 3, 512, 32, 4);
		assertEquals(1, tiling.count());
		assertEquals(8, tiling.tileWidth);
		assertEquals(4, tiling.tileHeight);
		final float[] slice = ramp(15);
		final float[] tile = new float[2 + 32];
		tiling.read(slice, 0, tile, 2);
		assertArrayEquals(new float[] { 0, 0, 1, 2, 3, 4, 5, 0, 0, 0, 6, 7, 8, 9, 10, 0, 0, 0, 11, 12, 13, 14, 15, 0, 0,
			0, 0, 0, 0, 0, 0, 0, 0, 0 }, tile, 0);
	}

	@Test
	public void largeSlicesAreCoveredExactlyOnceByTheKeptParts() {
		for (final int width : new int[] { 17, 33, 40, 100 }) {
			final int height = width + 3;
			final Tiling tiling = new Tiling(width, height, 16, 3, 8);
			final float[][] planes = new float[2][width * height];
			final float[] slice = ramp(width * height);
			final float[] tiles = new float[tiling.count() * 16 * 16];
			for (int t = 0; t < tiling.count(); t++)
				tiling.read(slice, t, tiles, t * 256);
			// the "network" echoes its input into class 0 and counts visits in class 1
			final float[] output = new float[tiles.length * 2];
			for (int i = 0; i < tiles.length; i++) {
				output[2 * i] = tiles[i];
				output[2 * i + 1] = 1;
			}
			for (int t = 0; t < tiling.count(); t++) {
				final float[][] one = new float[2][width * height];
				tiling.write(output, t * 512, t, one);
				for (int i = 0; i < width * height; i++) {
					planes[0][i] += one[0][i];
					planes[1][i] += one[1][i];
				}
			}
			assertArrayEquals(slice, planes[0], 0);
			for (final float visits : planes[1])
				assertEquals(1, visits, 0);
		}
	}

	@Test
	public void tilesKeepAMarginFromCutEdges() {
		final Tiling tiling = new Tiling(40, 16, 16, 3, 8);
		// starts 0, 10, 20, 24 along x; kept ranges [0,13) [13,23) [23,37) [37,40)
		final float[] output = new float[16 * 16];
		java.util.Arrays.fill(output, 7);
		final float[][] plane = new float[1][40 * 16];
		tiling.write(output, 0, 1, plane);
		for (int x = 0; x < 40; x++)
			assertEquals("x " + x, x >= 13 && x < 23 ? 7 : 0, plane[0][x], 0);
	}

	private static float[] ramp(final int n) {
		final float[] values = new float[n];
		for (int i = 0; i < n; i++)
			values[i] = i + 1;
		return values;
	}
}
