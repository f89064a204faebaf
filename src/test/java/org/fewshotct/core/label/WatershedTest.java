package org.fewshotct.core.label;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

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

	/** Random surfaces with plateaus, masks and compactness, each flooded by scikit-image 0.19 (see the TSV's script). */
	@Test
	public void agreesWithScikitImageToThePixel() throws IOException {
		final List<String[]> cases = fixture();
		assertEquals(18, cases.size());
		for (final String[] c : cases) {
			final int width = Integer.parseInt(c[1]);
			final int height = Integer.parseInt(c[2]);
			final double compactness = Double.parseDouble(c[3]);
			final String[] surfaceText = c[4].split(",");
			final float[] surface = new float[surfaceText.length];
			for (int i = 0; i < surface.length; i++)
				surface[i] = Float.parseFloat(surfaceText[i]);
			final int[] mask01 = ints(c[6]);
			final boolean[] mask = new boolean[mask01.length];
			for (int i = 0; i < mask.length; i++)
				mask[i] = mask01[i] != 0;
			assertArrayEquals(c[0], ints(c[7]), Watershed.flood(surface, ints(c[5]), mask, width, height, compactness));
		}
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
