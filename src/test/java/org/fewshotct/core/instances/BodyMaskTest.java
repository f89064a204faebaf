package org.fewshotct.core.instances;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.junit.Test;

public class BodyMaskTest {

	private static final int W = 64, H = 56;
	/** The trunk: tissue from (LEFT, TOP) to (RIGHT, BOTTOM), with a lung inside. */
	private static final int LEFT = 12, RIGHT = 51, TOP = 8, BOTTOM = 39;

	/**
	 * A trunk with a lung in it, lying on a table whose 2-pixel shell touches its sides (posts up to its lower
	 * corners) and runs 5 pixels below its back, and a tube of tissue off to the side.
	 */
	private static float[] trunkOnATable() {
		final float[] unit = new float[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final boolean trunk = x >= LEFT && x <= RIGHT && y >= TOP && y <= BOTTOM;
				final boolean lung = x >= 22 && x <= 40 && y >= 16 && y <= 30;
				final boolean shell = y >= BOTTOM + 5 && y <= BOTTOM + 6 && x >= LEFT - 2 && x <= RIGHT + 2;
				final boolean posts = (x == LEFT - 2 || x == LEFT - 1 || x == RIGHT + 1 || x == RIGHT + 2) && y >= BOTTOM - 4 &&
					y <= BOTTOM + 6;
				final boolean tube = x >= 58 && x <= 61 && y >= 10 && y <= 13;
				unit[y * W + x] = trunk && !lung || shell || posts || tube ? 0.5f : 0;
			}
		return unit;
	}

	@Test
	public void theBodyIsTheTrunkWithItsLungNotTheTableTouchingItNorTheAirAboveTheTable() {
		final boolean[] body = BodyMask.of(trunkOnATable(), W, H, 0.25f);
		for (int y = TOP; y <= BOTTOM; y++)
			for (int x = LEFT; x <= RIGHT; x++)
				assertTrue("trunk and lung " + x + "," + y, body[y * W + x]);
		for (int y = TOP + 4; y <= BOTTOM - 6; y++)
			assertTrue("the skin's blurred edge, two pixels out", body[y * W + LEFT - 2] && body[y * W + RIGHT + 2]);
		for (int x = LEFT; x <= RIGHT; x++) {
			assertFalse("air between back and table " + x, body[(BOTTOM + 3) * W + x]);
			assertFalse("table " + x, body[(BOTTOM + 5) * W + x] || body[(BOTTOM + 6) * W + x]);
		}
		assertFalse("a tube beside the trunk", body[11 * W + 59]);
		assertFalse("air around the patient", body[2 * W + 2]);
	}

	@Test
	public void aSliceOfOnlyThinTissueKeepsItsTissue() {
		final float[] unit = new float[W * H];
		for (int x = 5; x < 40; x++)
			unit[20 * W + x] = unit[21 * W + x] = 0.5f;
		final boolean[] body = BodyMask.of(unit, W, H, 0.25f);
		assertTrue(body[20 * W + 20] && body[21 * W + 20]);
		assertFalse(body[40 * W + 20]);
	}

	@Test
	public void airIsFiveHundredHuBelowWaterInEveryEncoding() {
		for (final int bitDepth : new int[] { 8, 16, 32 }) {
			final HounsfieldScale scale = HounsfieldScale.uncalibrated(bitDepth);
			assertEquals(bitDepth + "-bit", 0.25, BodyMask.airUnit(HounsfieldWindow.DEFAULT.on(scale), scale), 1e-6);
		}
	}
}
