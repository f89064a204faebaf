package org.fewshotct.core.instances;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.util.Arrays;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.junit.Test;

public class FatPlanesTest {

	private static final int W = 60;
	private static final int H = 30;

	/** One instance over rows 1..28, columns 1..58 (label 1); label 2 on row 0 as a neighbour that must stay. */
	private static int[] oneInstanceAndANeighbour() {
		final int[] labels = new int[W * H];
		for (int y = 1; y < H - 1; y++)
			for (int x = 1; x < W - 1; x++)
				labels[y * W + x] = 1;
		for (int x = 0; x < W; x++)
			labels[x] = 2;
		return labels;
	}

	private static boolean[] fatColumn(final int column, final int fromRow) {
		final boolean[] fat = new boolean[W * H];
		for (int y = fromRow; y < H; y++)
			fat[y * W + column] = true;
		return fat;
	}

	@Test
	public void fatAcrossAnInstanceSplitsItAndEveryPixelJoinsItsSide() {
		final int[] labels = FatPlanes.split(oneInstanceAndANeighbour(), fatColumn(25, 0), W, H);
		final int left = labels[10 * W + 10];
		final int right = labels[10 * W + 50];
		assertNotEquals(left, right);
		for (int y = 1; y < H - 1; y++)
			for (int x = 1; x < W - 1; x++)
				if (x != 25) assertEquals(x + "," + y, x < 25 ? left : right, labels[y * W + x]);
		assertEquals("the larger side keeps the label", 1, right);
		for (int x = 0; x < W; x++)
			assertEquals(2, labels[x]);
	}

	@Test
	public void partsTooSmallToBeStructuresAndPlanesWithAGapDoNotSplit() {
		final int[] whole = oneInstanceAndANeighbour();
		assertEquals("a sliver of 3 x 28 pixels beyond the fat", Arrays.toString(whole), Arrays.toString(FatPlanes
			.split(oneInstanceAndANeighbour(), fatColumn(4, 0), W, H)));
		assertEquals("fat that stops short of the instance's edge", Arrays.toString(whole), Arrays.toString(FatPlanes
			.split(oneInstanceAndANeighbour(), fatColumn(25, 5), W, H)));
	}

	@Test
	public void theDecoderSplitsAlongFatOnlyWhereItsSettingsAskAndItKnowsTheFat() {
		final float[][] maps = new float[InstanceTargets.CLASS_COUNT][W * H];
		final int[] labels = oneInstanceAndANeighbour();
		for (int i = 0; i < W * H; i++) {
			final boolean structure = labels[i] == 1;
			maps[InstanceTargets.BACKGROUND][i] = structure ? 0.05f : 0.9f;
			maps[InstanceTargets.INTERIOR][i] = structure ? 0.9f : 0.05f;
			maps[InstanceTargets.BOUNDARY][i] = 0.05f;
		}
		final InstanceDecoder.Settings settings = InstanceDecoder.Settings.DEFAULT.withSplitFatPlanes(true);
		final int[] decoded = InstanceDecoder.decode(maps, W, H, settings, null, TissueLevels.Slice.ofFat(
			fatColumn(25, 0)));
		assertNotEquals(decoded[10 * W + 10], decoded[10 * W + 50]);
		final int[] plain = InstanceDecoder.decode(maps, W, H, settings.withSplitFatPlanes(false), null,
			TissueLevels.Slice.ofFat(fatColumn(25, 0)));
		assertEquals(plain[10 * W + 10], plain[10 * W + 50]);
		final int[] unknownFat = InstanceDecoder.decode(maps, W, H, settings, null, null);
		assertEquals(unknownFat[10 * W + 10], unknownFat[10 * W + 50]);
	}

	@Test
	public void theBandIsFatNotAirLungOrSoftTissueInEveryEncoding() {
		for (final int bitDepth : new int[] { 8, 16, 32 }) {
			final HounsfieldScale scale = HounsfieldScale.uncalibrated(bitDepth);
			final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
			final float[] band = FatPlanes.bandUnits(window, scale);
			final float[] unit = new float[] { window.unit(scale.stored(-100)), window.unit(scale.stored(-60)), window
				.unit(scale.stored(-800)), window.unit(scale.stored(40)), window.unit(scale.stored(-1000)) };
			assertEquals(bitDepth + "-bit", "[true, true, false, false, false]", Arrays.toString(FatPlanes.of(unit,
				band)));
		}
	}
}
