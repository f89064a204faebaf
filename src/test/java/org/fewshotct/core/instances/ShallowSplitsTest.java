package org.fewshotct.core.instances;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.util.Arrays;

import org.junit.Test;

public class ShallowSplitsTest {

	private static final int W = 60;
	private static final int H = 30;
	/** One structure over columns 5-54 of rows 5-24, background around it. */
	private static final int LEFT = 5, RIGHT = 55, TOP = 5, BOTTOM = 25;
	/** Where the interior map dips between its two lumps. */
	private static final int DIP = 30;

	/**
	 * Maps of one foreground region whose interior map holds two lumps at 0.95 with a saddle {@code dip} lower
	 * down column {@link #DIP}, the boundary map at {@code boundary} along the saddle and 0.02 elsewhere.
	 */
	private static float[][] twoLumps(final float dip, final float boundary) {
		final float[][] p = new float[3][W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				final boolean inside = x >= LEFT && x < RIGHT && y >= TOP && y < BOTTOM;
				final boolean saddle = inside && Math.abs(x - DIP) <= 1;
				p[InstanceTargets.INTERIOR][i] = !inside ? 0.02f : saddle ? 0.95f - dip : 0.95f;
				p[InstanceTargets.BOUNDARY][i] = saddle ? boundary : 0.02f;
				p[InstanceTargets.BACKGROUND][i] = 1 - p[InstanceTargets.INTERIOR][i] - p[InstanceTargets.BOUNDARY][i];
			}
		return p;
	}

	/** Dome seeds 0.25 high, as U-Net models decode by default, with or without the join. */
	private static int[] decode(final float[][] maps, final boolean join) {
		return InstanceDecoder.decode(maps, W, H, InstanceDecoder.Settings.DEFAULT.withMarkerDynamic(0.25)
			.withMinMarkerArea(20).withJoinShallowSplits(join));
	}

	private static final int LEFT_LUMP = 15 * W + 10, RIGHT_LUMP = 15 * W + 50;

	@Test
	public void aShallowSaddleWithoutABoundaryAlongItIsOneStructure() {
		final float[][] lumpy = twoLumps(0.3f, 0.1f);
		final int[] seedsAlone = decode(lumpy, false);
		assertNotEquals("the dome seeds part the lumps", seedsAlone[LEFT_LUMP], seedsAlone[RIGHT_LUMP]);
		final int[] joined = decode(lumpy, true);
		assertEquals(joined[LEFT_LUMP], joined[RIGHT_LUMP]);
		assertEquals(1, instances(joined));
		assertEquals("nothing outside the structure labelled", 0, joined[2 * W + 2]);
	}

	@Test
	public void aShallowSaddleAlongWhichTheNetworkDrawsABoundaryStaysASplit() {
		final int[] joined = decode(twoLumps(0.3f, 0.6f), true);
		assertNotEquals(joined[LEFT_LUMP], joined[RIGHT_LUMP]);
		assertEquals(2, instances(joined));
	}

	@Test
	public void aDeepSaddleStaysASplitWhateverTheBoundaryMapSays() {
		final int[] joined = decode(twoLumps(0.5f, 0.1f), true);
		assertNotEquals(joined[LEFT_LUMP], joined[RIGHT_LUMP]);
		assertEquals(2, instances(joined));
	}

	@Test
	public void thresholdedSeedsAreLeftAsTheyAre() {
		// Weka's seeds: blobs above 0.7, which the saddle at 0.6 parts; no domes, so no coarser domes to compare
		final InstanceDecoder.Settings thresholded = InstanceDecoder.Settings.DEFAULT.withMarkerThreshold(0.7)
			.withMinMarkerArea(20);
		final float[][] lumpy = twoLumps(0.35f, 0.1f);
		assertEquals(Arrays.toString(InstanceDecoder.decode(lumpy, W, H, thresholded)), Arrays.toString(
			InstanceDecoder.decode(lumpy, W, H, thresholded.withJoinShallowSplits(true))));
		assertEquals(2, instances(InstanceDecoder.decode(lumpy, W, H, thresholded.withJoinShallowSplits(true))));
	}

	private static long instances(final int[] labels) {
		return Arrays.stream(labels).filter(l -> l != 0).distinct().count();
	}
}
