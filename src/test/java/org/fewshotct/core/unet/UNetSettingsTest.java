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
				false).withDecoder(UNetSettings.DEFAULT.decoder().withMarkerThreshold(0.7));
		final Map<String, String> map = settings.toMap();
		assertEquals("96", map.get("tile"));
		assertEquals("0.7", map.get("decoder.marker_threshold"));
		assertEquals("true", map.get("mirror")); // kept: a model without the key segments plain
		assertEquals("1.0,1.25", map.get("scales")); // kept: a model without the key segments at one scale
		assertEquals(settings, UNetSettings.fromMap(map));
	}

	@Test
	public void missingKeysTakeTheDefaultsButAModelFromBeforeMirroringAndScalesSegmentsAsItDid() {
		final Map<String, String> map = new HashMap<>();
		map.put("epochs", "3");
		assertTrue(UNetSettings.DEFAULT.mirror());
		assertEquals(2, UNetSettings.DEFAULT.scales().length);
		assertEquals(UNetSettings.DEFAULT.withEpochs(3).withMirror(false).withScales(1), UNetSettings.fromMap(map));
	}

	@Test
	public void refusesInputScalesItCannotUse() {
		for (final String scales : new String[] { "", "0", "1,3", "1;1.25", "big" }) {
			final Map<String, String> map = new HashMap<>();
			map.put("scales", scales);
			try {
				UNetSettings.fromMap(map);
				fail("scales=" + scales);
			}
			catch (final UserInputException e) {
				assertTrue(e.getMessage(), e.getMessage().contains("scale"));
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
