package org.fewshotct.core.label;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;

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

	/** Random masks of several densities and shapes against a plain flood fill in raster order. */
	@Test
	public void matchesAFloodFillOnRandomMasks() {
		final Random random = new Random(20261124);
		for (final int[] size : new int[][] { { 1, 1 }, { 1, 17 }, { 17, 1 }, { 23, 19 }, { 64, 48 } }) {
			for (final double density : new double[] { 0.2, 0.5, 0.65, 0.9 }) {
				final boolean[] mask = new boolean[size[0] * size[1]];
				for (int i = 0; i < mask.length; i++)
					mask[i] = random.nextDouble() < density;
				for (final Connectivity connectivity : Connectivity.values()) {
					final int[] expected = new int[mask.length];
					final int count = floodFill(classes(mask), size[0], size[1], connectivity, expected);
					final int[] out = new int[mask.length];
					Arrays.fill(out, 7); // whatever was there before
					final String what = size[0] + "x" + size[1] + " " + density + " " + connectivity;
					assertEquals(what, count, ConnectedComponents.label(mask, size[0], size[1], connectivity, out));
					assertArrayEquals(what, expected, out);
				}
			}
		}
	}

	private static short[] classes(final boolean[] mask) {
		final short[] classes = new short[mask.length];
		for (int i = 0; i < mask.length; i++)
			classes[i] = (short) (mask[i] ? 1 : 0);
		return classes;
	}

	/** Regions of equal non-zero class, flooded from their first pixel in raster order. */
	private static int floodFill(final short[] classes, final int width, final int height,
		final Connectivity connectivity, final int[] out)
	{
		final ArrayDeque<Integer> queue = new ArrayDeque<>();
		int count = 0;
		for (int start = 0; start < classes.length; start++) {
			if (classes[start] == 0 || out[start] != 0) continue;
			out[start] = ++count;
			queue.add(start);
			while (!queue.isEmpty()) {
				final int i = queue.poll();
				for (int k = 0; k < connectivity.count(); k++) {
					final int x = i % width + connectivity.dx(k);
					final int y = i / width + connectivity.dy(k);
					if (x < 0 || y < 0 || x >= width || y >= height || classes[y * width + x] != classes[i] || out[y *
						width + x] != 0) continue;
					out[y * width + x] = count;
					queue.add(y * width + x);
				}
			}
		}
		return count;
	}

	/** Touching regions of two classes stay two instances; a class's diagonal touch joins under 8. */
	@Test
	public void regionsOfOneClassEach() {
		final short[] classes = {
			1, 1, 2, 2, 0,
			0, 2, 0, 0, 1,
			3, 0, 1, 1, 0 };
		final int[] out = new int[classes.length];
		assertEquals(4, ConnectedComponents.labelRegions(classes, 5, 3, Connectivity.EIGHT, out));
		assertArrayEquals(new int[] {
			1, 1, 2, 2, 0,
			0, 2, 0, 0, 3,
			4, 0, 3, 3, 0 }, out);
	}

	/** Random class images of several class counts against a flood fill of equal classes in raster order. */
	@Test
	public void regionsMatchAFloodFillOnRandomClasses() {
		final Random random = new Random(20261202);
		for (final int[] size : new int[][] { { 1, 1 }, { 1, 17 }, { 17, 1 }, { 23, 19 }, { 64, 48 } }) {
			for (final int classCount : new int[] { 1, 2, 5, 300 }) {
				final short[] classes = new short[size[0] * size[1]];
				for (int i = 0; i < classes.length; i++)
					classes[i] = (short) (random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(classCount));
				for (final Connectivity connectivity : Connectivity.values()) {
					final int[] expected = new int[classes.length];
					final int count = floodFill(classes, size[0], size[1], connectivity, expected);
					final int[] out = new int[classes.length];
					final String what = size[0] + "x" + size[1] + " " + classCount + " classes " + connectivity;
					assertEquals(what, count, ConnectedComponents.labelRegions(classes, size[0], size[1], connectivity,
						out));
					assertArrayEquals(what, expected, out);
				}
			}
		}
	}

	@Test
	public void removeSmallDropsAndRenumbers() {
		final int[] labels = { 1, 1, 2, 3, 3, 3, 0 };
		assertEquals(2, ConnectedComponents.removeSmall(labels, 3, 2));
		assertArrayEquals(new int[] { 1, 1, 0, 2, 2, 2, 0 }, labels);
	}

	@Test
	public void holesAreWhatTheMaskEnclosesNotWhatReachesTheEdge() {
		// a block with two one-pixel holes, beside a cup open to the bottom edge
		final String[] rows = {
			"#####....",
			"#.#.#.#.#",
			"#####.#.#",
			"......#.#" };
		final int width = rows[0].length(), height = rows.length;
		final boolean[] mask = new boolean[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				mask[y * width + x] = rows[y].charAt(x) == '#';
		final boolean[] holes = ConnectedComponents.holes(mask, width, height);
		for (int i = 0; i < holes.length; i++)
			assertEquals(i % width + "," + i / width, i == width + 1 || i == width + 3, holes[i]);
	}

	@Test
	public void joinsAreFollowedToTheirEndAndACycleStops() {
		// 3 joined 2, which joined 1; 5, 6 and 7 joined each other round (a cycle), 8 joined 7; 4 and 0 stay
		final int[] joinedInto = { 0, 1, 1, 2, 4, 6, 7, 5, 7 };
		final int[] labels = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 3 };
		ConnectedComponents.applyJoins(labels, joinedInto);
		assertArrayEquals(new int[] { 0, 1, 1, 1, 4, 5, 5, 5, 5, 1 }, labels);
	}

	@Test
	public void joinsPointTheLargerEndAtTheSmallerOnce() {
		final int[] joinedInto = ConnectedComponents.noJoins(5);
		assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5 }, joinedInto);
		assertTrue(ConnectedComponents.join(joinedInto, 4, 2));
		assertTrue(ConnectedComponents.join(joinedInto, 5, 4));
		assertFalse("already one", ConnectedComponents.join(joinedInto, 2, 5));
		assertTrue(ConnectedComponents.join(joinedInto, 3, 5));
		final int[] labels = { 0, 1, 2, 3, 4, 5 };
		ConnectedComponents.applyJoins(labels, joinedInto);
		assertArrayEquals(new int[] { 0, 1, 2, 2, 2, 2 }, labels);
	}
}
