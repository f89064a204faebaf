package org.fewshotct.core.instances;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.junit.Test;

public class IntensityPopulationsTest {

	private static final int W = 120;
	private static final int H = 120;
	/** One decoded instance over a 100 x 100 square, another instance beside it that must stay as it is. */
	private static final int MERGED = 1;
	private static final int NEIGHBOUR = 2;
	/** Where the two organs of the merged instance meet: columns left of it are the first. */
	private static final int MEET = 55;

	private static boolean inMerged(final int x, final int y) {
		return x >= 10 && x < 110 && y >= 10 && y < 110;
	}

	private static int[] labels() {
		final int[] labels = new int[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				labels[y * W + x] = inMerged(x, y) ? MERGED : x < 10 ? NEIGHBOUR : 0;
		return labels;
	}

	/**
	 * HU of the slice: the merged instance at {@code leftHu} left of {@link #MEET} and {@code rightHu} right of
	 * it (a non-contrast liver at 60 HU beside a kidney at 25), the neighbour at 40, noise of 10 HU, air around.
	 */
	private static double[] hu(final double leftHu, final double rightHu) {
		final Random random = new Random(3);
		final double[] hu = new double[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				hu[y * W + x] = (inMerged(x, y) ? x < MEET ? leftHu : rightHu : x < 10 ? 40 : -1000) + 10 * random
					.nextGaussian();
		return hu;
	}

	/** A boundary map at 0.1, rising to {@code rise} within two columns of where the organs meet. */
	private static float[] boundary(final float rise) {
		final float[] boundary = new float[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				boundary[y * W + x] = Math.abs(x - MEET) <= 2 && inMerged(x, y) ? rise : 0.1f;
		return boundary;
	}

	private static int[] split(final double[] hu, final float[] boundary, final int bitDepth) {
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(bitDepth);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final float[] unit = HuSlices.unit(hu, scale, window);
		return IntensityPopulations.split(labels(), DarkerRegions.of(unit, DarkerRegions.levels(window, scale), W, H),
			boundary, W, H);
	}

	/** The label that most of the merged instance's pixels in columns [from, to) carry, and its share of them. */
	private static int[] majority(final int[] labels, final int from, final int to) {
		final int[] count = new int[Arrays.stream(labels).max().getAsInt() + 1];
		int all = 0;
		for (int y = 10; y < 110; y++)
			for (int x = from; x < to; x++) {
				count[labels[y * W + x]]++;
				all++;
			}
		int best = 0;
		for (int label = 1; label < count.length; label++)
			if (count[label] > count[best]) best = label;
		return new int[] { best, 100 * count[best] / all };
	}

	@Test
	public void twoOrgansOfDifferentDensityWhereTheNetworkSawAnEdgeArePartedWhereTheyMeet() {
		final int[] parted = split(hu(60, 25), boundary(0.5f), 16);
		final int[] left = majority(parted, 10, MEET), right = majority(parted, MEET, 110);
		assertNotEquals("two instances", left[0], right[0]);
		assertTrue("the denser organ whole: " + left[1] + " %", left[1] >= 97);
		assertTrue("the other organ whole: " + right[1] + " %", right[1] >= 97);
		for (int i = 0; i < W * H; i++)
			if (labels()[i] != MERGED) assertEquals("nothing outside the instance changes", labels()[i], parted[i]);
	}

	@Test
	public void theSplitDoesNotDependOnTheEncoding() {
		assertArrayEquals(split(hu(60, 25), boundary(0.5f), 16), split(hu(60, 25), boundary(0.5f), 32));
	}

	@Test
	public void twoDensitiesWithoutAnEdgeInTheBoundaryMapStayOneInstance() {
		// a density step the network reads as one structure: a beam-hardening streak, a muscle's fatty marbling
		assertArrayEquals(labels(), split(hu(60, 25), boundary(0.1f), 16));
	}

	@Test
	public void densitiesCloserThanTheGapStayOneInstance() {
		// a liver that is 15 HU brighter on one side (a contrast gradient, partial volume below the lung)
		assertArrayEquals(labels(), split(hu(60, 45), boundary(0.5f), 16));
	}

	@Test
	public void aThinDenserBandIsNoOrgan() {
		final double[] hu = hu(40, 40);
		final Random random = new Random(5);
		for (int y = 10; y < 110; y++)
			for (int x = MEET - 3; x <= MEET + 3; x++)
				hu[y * W + x] = 90 + 10 * random.nextGaussian();
		assertArrayEquals(labels(), split(hu, boundary(0.5f), 16));
	}
}
