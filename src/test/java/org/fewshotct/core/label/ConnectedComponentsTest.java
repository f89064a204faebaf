package org.fewshotct.core.label;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ConnectedComponentsTest {

	/** Two diagonal touches: separate under 4-connectivity, one component under 8. */
	private static final boolean[] MASK = mask(
		"##..#",
		"..#.#",
		"#..#.");

	private static boolean[] mask(final String... rows) {
		final boolean[] mask = new boolean[rows.length * rows[0].length()];
		for (int y = 0; y < rows.length; y++)
			for (int x = 0; x < rows[y].length(); x++)
				mask[y * rows[y].length() + x] = rows[y].charAt(x) == '#';
		return mask;
	}

	@Test
	public void numbersFourConnectedComponentsInRasterOrder() {
		final int[] out = new int[MASK.length];
		assertEquals(5, ConnectedComponents.label(MASK, 5, 3, Connectivity.FOUR, out));
		assertArrayEquals(new int[] {
			1, 1, 0, 0, 2,
			0, 0, 3, 0, 2,
			4, 0, 0, 5, 0 }, out);
	}

	@Test
	public void eightConnectivityJoinsDiagonalNeighbours() {
		final int[] out = new int[MASK.length];
		assertEquals(2, ConnectedComponents.label(MASK, 5, 3, Connectivity.EIGHT, out));
		assertArrayEquals(new int[] {
			1, 1, 0, 0, 1,
			0, 0, 1, 0, 1,
			2, 0, 0, 1, 0 }, out);
	}

	@Test
	public void removeSmallDropsAndRenumbers() {
		final int[] labels = { 1, 1, 2, 3, 3, 3, 0 };
		assertEquals(2, ConnectedComponents.removeSmall(labels, 3, 2));
		assertArrayEquals(new int[] { 1, 1, 0, 2, 2, 2, 0 }, labels);
	}
}
