package org.fewshotct.core.instances;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.junit.Test;

public class BonePiecesTest {

	private static final int W = 300;
	private static final int H = 200;
	private static final int VERTEBRA = 1;
	private static final int MARROW_PIECE = 2;
	private static final int RIB = 3;
	private static final int ORGAN = 4;
	private static final int RING = 5;
	private static final int INSIDE_RING = 6;

	private static double distance(final int x, final int y, final int cx, final int cy) {
		return Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
	}

	/** A vertebral body: cortex 4 pixels thick around marrow, radius 25 about (60, 60). */
	private static boolean inCortex(final int x, final int y) {
		final double d = distance(x, y, 60, 60);
		return d <= 25 && d > 21;
	}

	private static boolean inMarrow(final int x, final int y) {
		return distance(x, y, 60, 60) <= 21;
	}

	private static boolean inRib(final int x, final int y) {
		return distance(x, y, 60, 130) <= 8;
	}

	/** Soft tissue against the vertebra's right side, whose instance bleeds into the vertebra's edge. */
	private static boolean inOrgan(final int x, final int y) {
		return x > 78 && x < 120 && y >= 50 && y < 70;
	}

	/** A ring of bone too large for one bone (the pelvis fused at its joints), soft tissue inside. */
	private static boolean inRing(final int x, final int y) {
		final double d = distance(x, y, 210, 100);
		return d <= 75 && d > 70;
	}

	private static boolean insideRing(final int x, final int y) {
		return distance(x, y, 210, 100) <= 70;
	}

	private static double[] hu() {
		final double[] hu = new double[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				hu[y * W + x] = inCortex(x, y) || inRing(x, y) ? 600 : inRib(x, y) ? 500 : inMarrow(x, y) ? 100 : 40;
		return hu;
	}

	/** The network's instances: the vertebra cut through its marrow, the other structures whole. */
	private static int[] labels() {
		final int[] labels = new int[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				labels[y * W + x] = inOrgan(x, y) ? ORGAN : inCortex(x, y) ? VERTEBRA : inMarrow(x, y) ? x < 65 ? VERTEBRA
					: MARROW_PIECE : inRib(x, y) ? RIB : inRing(x, y) ? RING : insideRing(x, y) ? INSIDE_RING : 0;
		return labels;
	}


	private static int[] join(final int bitDepth) {
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(bitDepth);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final boolean[] bone = BonePieces.of(HuSlices.unit(hu(), scale, window), BonePieces.boneUnit(window, scale), W, H);
		return BonePieces.join(labels(), bone, W, H);
	}

	@Test
	public void aPieceOfMarrowJoinsItsBoneAndNothingElseMoves() {
		final int[] before = labels();
		final int[] after = join(16);
		for (int i = 0; i < W * H; i++)
			assertEquals(i % W + "," + i / W, before[i] == MARROW_PIECE ? VERTEBRA : before[i], after[i]);
	}

	@Test
	public void bonesAreJoinedAlikeInEveryEncoding() {
		final int[] sixteen = join(16);
		assertArrayEquals("32-bit", sixteen, join(32));
		assertArrayEquals("8-bit", sixteen, join(8));
	}

	@Test
	public void theDecoderJoinsOnlyWhereItsSettingsAskAndItKnowsTheIntensities() {
		final int[] truth = labels();
		final float[][] maps = new float[InstanceTargets.CLASS_COUNT][W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				// the network's cut through the marrow, at x = 65
				final boolean cut = truth[i] != 0 && (x == 64 || x == 65) && inMarrow(x, y);
				final boolean edge = truth[i] != 0 && !cut && (x > 0 && truth[i - 1] != truth[i] || x < W - 1 &&
					truth[i + 1] != truth[i]);
				maps[InstanceTargets.BACKGROUND][i] = truth[i] != 0 ? 0.05f : 0.9f;
				maps[InstanceTargets.INTERIOR][i] = truth[i] == 0 || cut || edge ? 0.05f : 0.9f;
				maps[InstanceTargets.BOUNDARY][i] = cut || edge ? 0.9f : 0.05f;
			}
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(16);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final float[] unit = HuSlices.unit(hu(), scale, window);
		final InstanceDecoder.Settings settings = InstanceDecoder.Settings.DEFAULT.withJoinBonePieces(true);
		final TissueLevels.Slice tissue = TissueLevels.of(window, scale).slice(unit, W, H, settings);
		final int left = 60 * W + 50, right = 60 * W + 75;
		final int[] joined = InstanceDecoder.decode(maps, W, H, settings, null, tissue);
		assertEquals(joined[left], joined[right]);
		final int[] apart = InstanceDecoder.decode(maps, W, H, settings.withJoinBonePieces(false), null, tissue);
		assertNotEquals(apart[left], apart[right]);
		assertArrayEquals("without the intensities, as before", apart, InstanceDecoder.decode(maps, W, H, settings,
			null, null));
	}
}
