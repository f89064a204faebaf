package org.fewshotct.core.instances;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.junit.Test;

public class BoneInSoftTissueTest {

	private static final int W = 200;
	private static final int H = 120;
	private static final int LIVER = 1;
	private static final int MUSCLE = 2;
	private static final int VERTEBRA = 3;

	/** The liver (60 HU) fills the left of the slice, the muscle (50 HU) the right. */
	private static int organ(final int x) {
		return x < 100 ? LIVER : MUSCLE;
	}

	/** A rib (cortex at 700 HU around marrow at 250 HU) inside the liver's instance, at its edge. */
	private static boolean inRib(final int x, final int y) {
		return x >= 10 && x < 34 && y >= 8 && y < 20;
	}

	/** A rib across the liver's and the muscle's instances. */
	private static boolean inSharedRib(final int x, final int y) {
		return x >= 88 && x < 112 && y >= 8 && y < 20;
	}

	/** A contrast-filled vessel at 250 HU, no denser anywhere. */
	private static boolean inVessel(final int x, final int y) {
		return Math.hypot(x - 50, y - 60) <= 10;
	}

	/** A calcification of 2x2 pixels at 1000 HU: dense, but under 20 pixels of bone after the smoothing. */
	private static boolean inSpeck(final int x, final int y) {
		return x >= 70 && x < 72 && y >= 90 && y < 92;
	}

	/** A vertebra of a soft scan: a cortex 3 pixels thick at 500 HU around marrow as dense as muscle. */
	private static double vertebra(final int x, final int y) {
		final double d = Math.hypot(x - 150, y - 75);
		return d <= 17 ? 60 : d <= 20 ? 500 : Double.NaN;
	}

	private static double rib(final int x0, final int y0, final int x, final int y) {
		final boolean edge = x - x0 < 3 || y - y0 < 3 || x0 + 24 - x <= 3 || y0 + 12 - y <= 3;
		return edge ? 700 : 250;
	}

	private static int[] carved(final HounsfieldScale scale) {
		final double[] hu = new double[W * H];
		final int[] labels = new int[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				final double vertebra = vertebra(x, y);
				labels[i] = Double.isNaN(vertebra) ? organ(x) : VERTEBRA;
				hu[i] = !Double.isNaN(vertebra) ? vertebra : inRib(x, y) ? rib(10, 8, x, y) : inSharedRib(x, y) ? rib(88, 8,
					x, y) : inVessel(x, y) ? 250 : inSpeck(x, y) ? 1000 : organ(x) == LIVER ? 60 : 50;
			}
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final float[] unit = HuSlices.unit(hu, scale, window);
		return BoneInSoftTissue.split(labels, BonePieces.of(unit, BonePieces.boneUnit(window, scale), W, H), BonePieces
			.of(unit, TouchingBones.denseUnit(window, scale, TouchingBones.DENSE_HU), W, H), W, H);
	}

	private static int at(final int[] labels, final int x, final int y) {
		return labels[y * W + x];
	}

	@Test
	public void ribsComeOutOfTheOrgansThatGrewOverThemVesselsSpecksAndVertebraeStay() {
		for (final int bitDepth : new int[] { 8, 16, 32 }) {
			final int[] labels = carved(HounsfieldScale.uncalibrated(bitDepth));
			final String in = bitDepth + "-bit: ";
			final int rib = at(labels, 20, 14);
			assertNotEquals(in + "the rib in the liver", LIVER, rib);
			assertEquals(in + "the rib's cortex and marrow are one", rib, at(labels, 11, 9));
			final int sharedRib = at(labels, 100, 14);
			assertNotEquals(in + "the rib across two instances", LIVER, sharedRib);
			assertNotEquals(in + "the rib across two instances", MUSCLE, sharedRib);
			assertNotEquals(in + "two ribs are two", rib, sharedRib);
			assertEquals(in + "the rib across two instances is one", sharedRib, at(labels, 90, 14));
			assertEquals(in + "the rib across two instances is one", sharedRib, at(labels, 110, 14));
			assertEquals(in + "the liver", LIVER, at(labels, 40, 40));
			assertEquals(in + "an enhanced vessel (no cortex)", LIVER, at(labels, 50, 60));
			assertEquals(in + "a speck under 20 pixels", LIVER, at(labels, 71, 91));
			assertEquals(in + "a vertebra's cortex", VERTEBRA, at(labels, 150, 56));
			assertEquals(in + "a vertebra's marrow", VERTEBRA, at(labels, 150, 75));
			assertEquals(in + "the muscle", MUSCLE, at(labels, 180, 20));
		}
	}
}
