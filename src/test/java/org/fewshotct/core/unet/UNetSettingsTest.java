package org.fewshotct.core.unet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.Map;

import org.fewshotct.core.UserInputException;
import org.junit.Test;

public class UNetSettingsTest {

	@Test
	public void roundTripsThroughItsMap() {
		final UNetSettings settings = UNetSettings.DEFAULT.withDepth(3).withWidth(24).withTile(96).withBatch(2)
			.withEpochs(7).withSeed(-5).withValidation(0.25).withLearningRate(2e-4).withBoundaryWidth(2).withAugment(
				false).withWekaWeight(0.4).withDecoder(UNetSettings.DEFAULT.decoder().withMarkerThreshold(0.7));
		final Map<String, String> map = settings.toMap();
		assertEquals("96", map.get("tile"));
		assertEquals("0.7", map.get("decoder.marker_threshold"));
		assertEquals("true", map.get("mirror")); // kept: a model without the key segments plain
		assertEquals("1.0,1.25", map.get("scales")); // kept: a model without the key segments at one scale
		assertEquals("0.4", map.get("weka_weight")); // kept: a model without the key segments with the network alone
		assertEquals(settings, UNetSettings.fromMap(map));
	}

	@Test
	public void missingKeysTakeTheDefaultsButAModelFromBeforeMirroringScalesTheBlendAndTheSplitsSegmentsAsItDid() {
		final Map<String, String> map = new HashMap<>();
		map.put("epochs", "3");
		assertTrue(UNetSettings.DEFAULT.mirror());
		assertEquals(2, UNetSettings.DEFAULT.scales().length);
		assertTrue(UNetSettings.DEFAULT.wekaWeight() > 0);
		assertTrue(UNetSettings.DEFAULT.decoder().splitFatPlanes());
		assertTrue(UNetSettings.DEFAULT.decoder().splitDarkerRegions());
		assertTrue(UNetSettings.DEFAULT.decoder().keepAirRegionsWhole());
		assertTrue(UNetSettings.DEFAULT.decoder().joinBonePieces());
		assertTrue(UNetSettings.DEFAULT.decoder().splitSmallDarkerRegions());
		assertTrue(UNetSettings.DEFAULT.decoder().joinTouchingBones());
		assertTrue(UNetSettings.DEFAULT.decoder().splitBoneFromSoftTissue());
		assertTrue(UNetSettings.DEFAULT.decoder().growDarkerRegions());
		assertTrue(UNetSettings.DEFAULT.decoder().splitIntensityPopulations());
		assertTrue(UNetSettings.DEFAULT.decoder().joinShallowSplits());
		assertEquals(300, UNetSettings.DEFAULT.decoder().cortexHu(), 0);
		assertEquals(UNetSettings.DEFAULT.withEpochs(3).withMirror(false).withScales(1).withWekaWeight(0).withDecoder(
			UNetSettings.DEFAULT.decoder().withSplitFatPlanes(false).withSplitDarkerRegions(false).withKeepAirRegionsWhole(
				false).withJoinBonePieces(false).withSplitSmallDarkerRegions(false).withJoinTouchingBones(false)
				.withSplitBoneFromSoftTissue(false).withGrowDarkerRegions(false).withCortexHu(400)
				.withSplitIntensityPopulations(false).withJoinShallowSplits(false)),
			UNetSettings
				.fromMap(map));
	}

	@Test
	public void refusesABlendWeightOutsideZeroToOne() {
		assertEachRefused("weka_weight", "weka_weight must be in [0, 1)", "1", "-0.1", "1.5");
		assertEachRefused("weka_weight", "Bad U-Net setting", "a quarter");
	}

	@Test
	public void refusesInputScalesItCannotUse() {
		assertEachRefused("scales", "scale", "", "0", "1,3", "1;1.25", "big");
	}

	/** Each value under {@code key} is refused with a message that contains {@code message}. */
	private static void assertEachRefused(final String key, final String message, final String... values) {
		for (final String value : values) {
			final Map<String, String> map = new HashMap<>();
			map.put(key, value);
			try {
				UNetSettings.fromMap(map);
				fail(key + "=" + value);
			}
			catch (final UserInputException e) {
				assertTrue(e.getMessage(), e.getMessage().contains(message));
			}
		}
	}

	@Test
	public void refusesTilesThatAreNotMultiplesOfTwoToTheDepth() {
		try {
			UNetSettings.DEFAULT.withDepth(4).withTile(200);
			fail();
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("tile must be a positive multiple of 16 (2^depth), got 200"));
		}
	}

	@Test(expected = UserInputException.class)
	public void refusesAValidationFractionOfOne() {
		UNetSettings.DEFAULT.withValidation(1);
	}

	@Test(expected = UserInputException.class)
	public void refusesUnreadableNumbers() {
		final Map<String, String> map = new HashMap<>();
		map.put("batch", "four");
		UNetSettings.fromMap(map);
	}
}
