package org.fewshotct.core.filter;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class DiskTest {

	/** scikit-image 0.19's {@code morphology.disk(2)}. */
	@Test
	public void radiusTwoIsScikitImagesDisk() {
		final int[][] expected = {
			{ 0, 0, 1, 0, 0 },
			{ 0, 1, 1, 1, 0 },
			{ 1, 1, 1, 1, 1 },
			{ 0, 1, 1, 1, 0 },
			{ 0, 0, 1, 0, 0 } };
		assertArrayEquals(expected, mask(new Disk(2)));
		assertEquals(13, new Disk(2).area());
	}

	/** disk(5): rows of half-widths 0, 3, 4, 4, 4, 5, ...; 81 pixels, as {@code disk(5).sum()}. */
	@Test
	public void radiusFiveSpans() {
		final Disk disk = new Disk(5);
		final int[] halves = new int[11];
		for (int dy = -5; dy <= 5; dy++)
			halves[dy + 5] = disk.halfWidth(dy);
		assertArrayEquals(new int[] { 0, 3, 4, 4, 4, 5, 4, 4, 4, 3, 0 }, halves);
		assertEquals(81, disk.area());
		assertTrue("x^2 + y^2 = r^2 is inside", disk.contains(3, 4));
		assertFalse(disk.contains(4, 4));
	}

	@Test
	public void radiusZeroIsOnePixel() {
		assertArrayEquals(new int[][] { { 1 } }, mask(new Disk(0)));
	}

	@Test(expected = IllegalArgumentException.class)
	public void refusesNegativeRadius() {
		new Disk(-1);
	}

	private static int[][] mask(final Disk disk) {
		final int r = disk.radius();
		final int[][] mask = new int[2 * r + 1][2 * r + 1];
		for (int dy = -r; dy <= r; dy++)
			for (int dx = -r; dx <= r; dx++)
				mask[dy + r][dx + r] = disk.contains(dx, dy) ? 1 : 0;
		return mask;
	}
}
