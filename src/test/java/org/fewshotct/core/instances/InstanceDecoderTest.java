package org.fewshotct.core.instances;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;

import org.fewshotct.core.UserInputException;

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

	/**
	 * Two structures whose interiors (0.95 and 0.9) meet in a confident saddle (0.8) with no boundary between
	 * them, as a network's maps come out on a scan unlike its training: a threshold below the saddle sees one
	 * structure, domes 0.05 above their saddle see two, and domes 0.3 above see one again.
	 */
	@Test
	public void domesAboveTheirSaddleSeedStructuresThatAThresholdMerges() {
		final float[][] p = maps(
			"............",
			".iiiiiiiiii.",
			".iiiiiiiiii.",
			".iiiiiiiiii.",
			".iiiiiiiiii.",
			"............");
		for (int y = 1; y <= 4; y++) {
			for (int x = 1; x <= 10; x++) {
				p[InstanceTargets.INTERIOR][y * W + x] = x <= 4 ? 0.95f : x >= 7 ? 0.9f : 0.8f;
			}
		}
		final InstanceDecoder.Settings threshold = SETTINGS.withMarkerThreshold(0.7);
		assertEquals(1, instances(InstanceDecoder.decode(p, W, H, threshold)));
		final int[] domes = InstanceDecoder.decode(p, W, H, threshold.withMarkerDynamic(0.05));
		assertEquals(2, instances(domes));
		assertNotEquals(domes[W + 1], domes[W + 10]);
		assertEquals(1, instances(InstanceDecoder.decode(p, W, H, threshold.withMarkerDynamic(0.3))));
	}

	private static long instances(final int[] labels) {
		return Arrays.stream(labels).filter(l -> l != 0).distinct().count();
	}

	@Test
	public void settingsSurviveTheirMap() {
		final InstanceDecoder.Settings settings = new InstanceDecoder.Settings(0.3, 0.7, 25, true).withMarkerDynamic(
			0.2).withSplitFatPlanes(true).withSplitDarkerRegions(true).withKeepAirRegionsWhole(true)
			.withJoinBonePieces(true).withCortexHu(300);
		assertEquals(settings, InstanceDecoder.Settings.fromMap(settings.toMap()));
		assertEquals(InstanceDecoder.Settings.DEFAULT, InstanceDecoder.Settings.fromMap(java.util.Collections.emptyMap()));
	}

	@Test
	public void theCortexLevelIsASettingThatFilesFromBeforeItReadAs400HuAndThatRefusesTheImpossible() {
		assertEquals(400, InstanceDecoder.Settings.DEFAULT.cortexHu(), 0);
		final java.util.Map<String, String> map = InstanceDecoder.Settings.DEFAULT.withCortexHu(300).toMap();
		assertEquals("300.0", map.get("cortex_hu"));
		assertEquals(300, InstanceDecoder.Settings.fromMap(map).cortexHu(), 0);
		map.remove("cortex_hu");
		assertEquals(400, InstanceDecoder.Settings.fromMap(map).cortexHu(), 0);
		for (final double impossible : new double[] { 150, 100, Double.NaN, 5000 })
			try {
				InstanceDecoder.Settings.DEFAULT.withCortexHu(impossible);
				fail("cortex at " + impossible + " HU");
			}
			catch (final UserInputException e) {
				assertTrue(e.getMessage(), e.getMessage().startsWith("cortex_hu must be above bone's 150.0 HU"));
			}
		map.put("cortex_hu", "dense");
		try {
			InstanceDecoder.Settings.fromMap(map);
			fail("cortex_hu=dense");
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith("Bad decoder setting"));
		}
	}

	@Test
	public void eachDecoderStepHasItsOwnKeyAndSwitch() {
		final InstanceDecoder.Settings none = new InstanceDecoder.Settings(0.5, 0.5, 10, false);
		final String[] keys = { "fill_background", "split_fat_planes", "split_darker_regions", "keep_air_regions_whole",
			"join_bone_pieces", "split_small_darker_regions", "join_touching_bones", "split_bone_from_soft_tissue",
			"grow_darker_regions", "split_intensity_populations", "join_shallow_splits" };
		final InstanceDecoder.Settings[] one = { none.withFillBackground(true), none.withSplitFatPlanes(true), none
			.withSplitDarkerRegions(true), none.withKeepAirRegionsWhole(true), none.withJoinBonePieces(true), none
				.withSplitSmallDarkerRegions(true), none.withJoinTouchingBones(true), none.withSplitBoneFromSoftTissue(true),
			none.withGrowDarkerRegions(true), none.withSplitIntensityPopulations(true), none.withJoinShallowSplits(true) };
		for (int s = 0; s < keys.length; s++) {
			final boolean[] on = { one[s].fillBackground(), one[s].splitFatPlanes(), one[s].splitDarkerRegions(), one[s]
				.keepAirRegionsWhole(), one[s].joinBonePieces(), one[s].splitSmallDarkerRegions(), one[s]
					.joinTouchingBones(), one[s].splitBoneFromSoftTissue(), one[s].growDarkerRegions(), one[s]
						.splitIntensityPopulations(), one[s].joinShallowSplits() };
			for (int k = 0; k < keys.length; k++) {
				assertEquals(keys[s] + " switches " + keys[k], s == k, on[k]);
				assertEquals(Boolean.toString(s == k), one[s].toMap().get(keys[k]));
			}
			assertEquals(one[s], InstanceDecoder.Settings.fromMap(one[s].toMap()));
		}
		assertEquals("switching a step off again", none, one[2].withSplitDarkerRegions(false));
	}

	@Test
	public void withoutRefinementsKeepsTheSeedsAndTheFillAndDropsEveryLaterStep() {
		final InstanceDecoder.Settings seeded = new InstanceDecoder.Settings(0.4, 0.6, 20, true).withMarkerDynamic(0.3);
		InstanceDecoder.Settings all = seeded;
		for (final String key : all.toMap().keySet())
			if (all.toMap().get(key).equals("false")) all = settingWith(all, key);
		assertEquals(seeded, all.withoutRefinements());
		assertEquals(seeded.withFillBackground(false), all.withFillBackground(false).withoutRefinements());
	}

	/** The settings with the step under this model-file key switched on, through the files' own map. */
	private static InstanceDecoder.Settings settingWith(final InstanceDecoder.Settings settings, final String key) {
		final java.util.Map<String, String> map = settings.toMap();
		map.put(key, "true");
		return InstanceDecoder.Settings.fromMap(map);
	}

	@Test
	public void settingsWrittenBeforeTheMarkerDynamicKeepThresholdedSeeds() {
		final java.util.Map<String, String> old = new InstanceDecoder.Settings(0.5, 0.7, 50, true).toMap();
		old.remove("marker_dynamic");
		assertEquals(0, InstanceDecoder.Settings.fromMap(old).markerDynamic(), 0);
		assertEquals(0.7, InstanceDecoder.Settings.fromMap(old).markerThreshold(), 0);
		assertEquals(false, InstanceDecoder.Settings.fromMap(old).splitFatPlanes());
		assertEquals(false, InstanceDecoder.Settings.fromMap(old).splitDarkerRegions());
		assertEquals(false, InstanceDecoder.Settings.fromMap(old).keepAirRegionsWhole());
		assertEquals(false, InstanceDecoder.Settings.fromMap(old).joinBonePieces());
	}
}
