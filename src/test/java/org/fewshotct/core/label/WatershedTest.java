package org.fewshotct.core.label;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class WatershedTest {

	@Test
	public void basinsMeetOnTheRidge() {
		final float[] surface = { 0, 1, 5, 1, 0 };
		final int[] markers = { 1, 0, 0, 0, 2 };
		assertArrayEquals(new int[] { 1, 1, 1, 2, 2 }, Watershed.flood(surface, markers, null, 5, 1, 0));
	}

	@Test
	public void maskKeepsFloodOutAndDropsMarkersOutsideIt() {
		final float[] surface = new float[6];
		final int[] markers = { 1, 0, 0, 0, 0, 3 };
		final boolean[] mask = { true, true, false, true, true, false };
		assertArrayEquals(new int[] { 1, 1, 0, 0, 0, 0 }, Watershed.flood(surface, markers, mask, 6, 1, 0));
	}

	@Test
	public void unreachablePixelsStayUnlabelled() {
		final boolean[] mask = { true, false, true };
		assertArrayEquals(new int[] { 4, 0, 0 }, Watershed.flood(new float[3], new int[] { 4, 0, 0 }, mask, 3, 1, 0));
	}

	/**
	 * Neighbours enter the queue up, left, right, down, as in scikit-image; in another order the pixel at the
	 * bottom left goes to marker 2 instead of 1. Expected labels from scikit-image 0.19's
	 * {@code watershed(surface, markers)}.
	 */
	@Test
	public void visitsNeighboursInScikitImageOrder() {
		final double[] surface = { 0, 0, 0.5, 0, 0.5, 0.5, 0.5, 0.5 };
		final int[] markers = { 3, 0, 0, 0, 1, 0, 0, 2 };
		assertArrayEquals(new int[] { 3, 3, 3, 3, 1, 3, 1, 2 }, Watershed.flood(surface, markers, null, 2, 4, 0));
	}

	/**
	 * Random surfaces with plateaus, masks and compactness, each flooded by scikit-image 0.19 (see the TSV's
	 * script): the same labels, except where scikit-image's heap and ours break an exact tie differently.
	 */
	@Test
	public void agreesWithScikitImageToThePixel() throws IOException {
		final List<String[]> cases = fixture();
		assertEquals(18, cases.size());
		for (final String[] c : cases) {
			final int width = Integer.parseInt(c[1]);
			final int height = Integer.parseInt(c[2]);
			final double compactness = Double.parseDouble(c[3]);
			final int[] mask01 = ints(c[6]);
			final boolean[] mask = new boolean[mask01.length];
			for (int i = 0; i < mask.length; i++)
				mask[i] = mask01[i] != 0;
			final int[] markers = ints(c[5]);
			final int[] labels = Watershed.flood(doubles(c[4]), markers, mask, width, height, compactness);
			if (c[0].equals("plateau_compact")) assertTiesOnly(ints(c[7]), labels, markers, width);
			else assertArrayEquals(c[0], ints(c[7]), labels);
		}
	}

	/**
	 * On a flat surface a compact flood is a Voronoi partition of the marker pixels. Markers of equal value
	 * leave scikit-image's queue in an order its heap layout decides, ours in raster order; so a pixel may
	 * differ only where it is as far from the marker it got as from the one scikit-image gave it.
	 */
	private static void assertTiesOnly(final int[] expected, final int[] actual, final int[] markers, final int width) {
		int ties = 0;
		for (int i = 0; i < expected.length; i++) {
			if (expected[i] == actual[i]) continue;
			assertEquals("pixel " + i, distance(i, seedOf(markers, expected[i]), width),
				distance(i, seedOf(markers, actual[i]), width), 0);
			ties++;
		}
		assertTrue("a few tied pixels, not " + ties, ties < expected.length / 20);
	}

	private static int seedOf(final int[] markers, final int label) {
		for (int i = 0; i < markers.length; i++)
			if (markers[i] == label) return i;
		throw new AssertionError("no marker " + label);
	}

	private static double distance(final int a, final int b, final int width) {
		return Math.hypot(a % width - b % width, a / width - b / width);
	}

	private static double[] doubles(final String csv) {
		final String[] parts = csv.split(",");
		final double[] values = new double[parts.length];
		for (int i = 0; i < values.length; i++)
			values[i] = Double.parseDouble(parts[i]);
		return values;
	}

	private static int[] ints(final String csv) {
		final String[] parts = csv.split(",");
		final int[] values = new int[parts.length];
		for (int i = 0; i < values.length; i++)
			values[i] = Integer.parseInt(parts[i]);
		return values;
	}

	private static List<String[]> fixture() throws IOException {
		final List<String[]> cases = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
			WatershedTest.class.getResourceAsStream("skimage-watershed.tsv"), StandardCharsets.UTF_8)))
		{
			for (String line = reader.readLine(); line != null; line = reader.readLine())
				cases.add(line.split("\t"));
		}
		return cases;
	}
}
