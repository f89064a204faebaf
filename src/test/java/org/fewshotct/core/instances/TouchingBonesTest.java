package org.fewshotct.core.instances;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.junit.Test;

public class TouchingBonesTest {

	private static final int W = 200;
	private static final int H = 120;
	private static final int BODY_LEFT = 1;
	private static final int BODY_RIGHT = 2;
	private static final int VESSEL = 3;
	private static final int ORGAN = 4;
	private static final int RIB = 5;
	private static final int NEXT_RIB = 6;

	private static double distance(final int x, final int y, final int cx, final int cy) {
		return Math.hypot(x - cx, y - cy);
	}

	/** A vertebral body about (60, 60): cortex 4 pixels thick at 600 HU around marrow at 200 HU. */
	private static double vertebra(final int x, final int y) {
		final double d = distance(x, y, 60, 60);
		return d <= 21 ? 200 : d <= 25 ? 600 : Double.NaN;
	}

	/** Soft tissue right of the vertebra, whose instance took in the vertebra's edge. */
	private static boolean inOrgan(final int x, final int y) {
		return x >= 82 && x < 110 && y >= 48 && y < 72;
	}

	/** Two ribs at 600 HU whose corners overlap along two pixel sides. */
	private static boolean inRib(final int x, final int y) {
		return x >= 120 && x < 140 && y >= 20 && y < 30;
	}

	private static boolean inNextRib(final int x, final int y) {
		return x >= 140 && x < 160 && y >= 28 && y < 38;
	}

	private static int[] labelsAndHu(final double[] hu) {
		final int[] labels = new int[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				final double bone = vertebra(x, y);
				if (!Double.isNaN(bone)) {
					// the network cut the vertebra in two, through its cortex above and below
					hu[i] = bone;
					labels[i] = inOrgan(x, y) ? ORGAN : x < 60 ? BODY_LEFT : BODY_RIGHT;
				}
				else if (distance(x, y, 60, 98) <= 12) {
					// an enhanced vessel against the cortex
					hu[i] = 250;
					labels[i] = VESSEL;
				}
				else if (inOrgan(x, y)) {
					hu[i] = 40;
					labels[i] = ORGAN;
				}
				else if (inRib(x, y) || inNextRib(x, y)) {
					hu[i] = 600;
					labels[i] = inRib(x, y) ? RIB : NEXT_RIB;
				}
				else hu[i] = -100;
			}
		return labels;
	}

	private static int[] joined(final HounsfieldScale scale) {
		final double[] hu = new double[W * H];
		final int[] labels = labelsAndHu(hu);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final float[] unit = HuSlices.unit(hu, scale, window);
		final boolean[] dense = BonePieces.of(unit, TouchingBones.denseUnit(window, scale, TouchingBones.DENSE_HU), W, H);
		return TouchingBones.join(labels, dense, BonePieces.of(unit, BonePieces.boneUnit(window, scale), W, H), W, H);
	}

	private static int at(final int[] labels, final int x, final int y) {
		return labels[y * W + x];
	}

	@Test
	public void theCortexLevelIsTheDecoderSettings() {
		// a blurred cortex at 350 HU, as a soft 3 mm scan shows it
		final double[] hu = new double[W * H];
		java.util.Arrays.fill(hu, 40);
		for (int y = 50; y < 70; y++)
			for (int x = 50; x < 70; x++)
				hu[y * W + x] = 350;
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(16);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final float[] unit = HuSlices.unit(hu, scale, window);
		final InstanceDecoder.Settings settings = InstanceDecoder.Settings.DEFAULT.withJoinTouchingBones(true);
		final TissueLevels levels = TissueLevels.of(window, scale);
		assertEquals("cortex at 300 HU", true, levels.slice(unit, W, H, settings.withCortexHu(300)).denseBone[60 * W +
			60]);
		assertEquals("not at the 400 HU of models from before the setting", false, levels.slice(unit, W, H,
			settings).denseBone[60 * W + 60]);
	}

	@Test
	public void theHalvesOfACutBoneJoinWhatOnlyTouchesThemStaysApart() {
		for (final int bitDepth : new int[] { 8, 16, 32 }) {
			final int[] labels = joined(HounsfieldScale.uncalibrated(bitDepth));
			final String in = bitDepth + "-bit: ";
			assertEquals(in + "the vertebra is one", at(labels, 40, 60), at(labels, 80, 60));
			assertEquals(in + "marrow and cortex of the left half", at(labels, 40, 60), at(labels, 60, 36));
			assertNotEquals(in + "the vessel against its cortex", at(labels, 60, 60), at(labels, 60, 98));
			assertEquals(VESSEL, at(labels, 60, 98));
			assertEquals(in + "soft tissue that took in the vertebra's edge", ORGAN, at(labels, 95, 60));
			assertEquals(in + "soft tissue that took in the vertebra's edge", ORGAN, at(labels, 84, 60));
			assertEquals(in + "ribs that meet at a corner", RIB, at(labels, 130, 25));
			assertEquals(in + "ribs that meet at a corner", NEXT_RIB, at(labels, 150, 33));
			assertEquals(in + "background", 0, at(labels, 5, 5));
		}
	}
}
