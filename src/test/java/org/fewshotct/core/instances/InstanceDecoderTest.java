package org.fewshotct.core.instances;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.util.Arrays;

import org.junit.Test;

public class InstanceDecoderTest {

	private static final int W = 12;
	private static final int H = 6;

	/**
	 * Probability maps drawn as text: '.' background, 'i' interior, 'b' boundary, 'f' foreground with an
	 * unsure class (interior 0.4, boundary 0.4).
	 */
	private static float[][] maps(final String... rows) {
		final float[][] p = new float[3][W * H];
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				final char c = rows[y].charAt(x);
				p[InstanceTargets.BACKGROUND][i] = c == '.' ? 0.9f : c == 'f' ? 0.2f : 0.05f;
				p[InstanceTargets.INTERIOR][i] = c == 'i' ? 0.9f : c == 'f' ? 0.4f : 0.05f;
				p[InstanceTargets.BOUNDARY][i] = c == 'b' ? 0.9f : c == 'f' ? 0.4f : 0.05f;
			}
		}
		return p;
	}

	private static final float[][] TWO_TOUCHING_AND_A_FAINT_ONE = maps(
		"............",
		".iiibiii..f.",
		".iiibiii..f.",
		".iiibiii....",
		".iiibiii....",
		"............");

	private static final InstanceDecoder.Settings SETTINGS = InstanceDecoder.Settings.DEFAULT.withMinMarkerArea(4);

	@Test
	public void touchingStructuresSplitOnTheBoundaryAndFaintOnesKeepTheirOwnLabel() {
		final int[] labels = InstanceDecoder.decode(TWO_TOUCHING_AND_A_FAINT_ONE, W, H, SETTINGS);
		final int left = labels[W + 1];
		final int right = labels[W + 7];
		final int faint = labels[W + 10];
		assertNotEquals(0, left);
		assertNotEquals(0, right);
		assertNotEquals(left, right);
		assertNotEquals(0, faint);
		assertNotEquals(left, faint);
		assertNotEquals(right, faint);
		assertEquals(faint, labels[2 * W + 10]);
		for (int y = 1; y <= 4; y++) {
			assertEquals(left, labels[y * W + 3]);
			assertEquals(right, labels[y * W + 5]);
			assertEquals("the boundary column goes to one side", true,
				labels[y * W + 4] == left || labels[y * W + 4] == right);
		}
		assertEquals(0, labels[0]);
		assertEquals(0, labels[5 * W + 6]);
		assertEquals(3, Arrays.stream(labels).max().getAsInt());
	}

	@Test
	public void fillingTheBackgroundLeavesNoPixelUnlabelled() {
		final int[] kept = InstanceDecoder.decode(TWO_TOUCHING_AND_A_FAINT_ONE, W, H, SETTINGS);
		final int[] filled = InstanceDecoder.decode(TWO_TOUCHING_AND_A_FAINT_ONE, W, H, SETTINGS.withFillBackground(
			true));
		for (int i = 0; i < filled.length; i++) {
			assertNotEquals(0, filled[i]);
			if (kept[i] != 0) assertEquals(kept[i], filled[i]);
		}
	}

	@Test
	public void theFillStaysInsideTheBody() {
		final boolean[] body = new boolean[W * H];
		for (int y = 1; y <= 4; y++)
			for (int x = 0; x <= 8; x++)
				body[y * W + x] = true;
		final int[] kept = InstanceDecoder.decode(TWO_TOUCHING_AND_A_FAINT_ONE, W, H, SETTINGS);
		final int[] filled = InstanceDecoder.decode(TWO_TOUCHING_AND_A_FAINT_ONE, W, H, SETTINGS.withFillBackground(
			true), body);
		for (int i = 0; i < filled.length; i++) {
			assertEquals("labelled exactly where the body is", body[i], filled[i] != 0);
			if (body[i] && kept[i] != 0 && i % W < 8) assertEquals(kept[i], filled[i]);
		}
	}

	@Test
	public void smallSeedsAreNoise() {
		final int[] labels = InstanceDecoder.decode(maps(
			"............",
			".i..........",
			"............",
			"............",
			"............",
			"............"), W, H, SETTINGS);
		assertEquals("a one-pixel seed is still foreground: its own instance", 1, labels[W + 1]);
		assertEquals(1, Arrays.stream(labels).filter(l -> l != 0).count());
	}

	@Test
	public void settingsSurviveTheirMap() {
		final InstanceDecoder.Settings settings = new InstanceDecoder.Settings(0.3, 0.7, 25, true);
		assertEquals(settings, InstanceDecoder.Settings.fromMap(settings.toMap()));
		assertEquals(InstanceDecoder.Settings.DEFAULT, InstanceDecoder.Settings.fromMap(java.util.Collections.emptyMap()));
	}
}
