package org.fewshotct.core.instances;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.junit.Test;

public class AirRegionsTest {

	private static final int W = 160;
	private static final int H = 160;

	/** The body: a rectangle of soft tissue, air around it. */
	private static boolean inBody(final int x, final int y) {
		return x >= 10 && x < 150 && y >= 10 && y < 150;
	}

	private static boolean inDisc(final int x, final int y, final int cx, final int cy, final int radius) {
		return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
	}

	/** A lung: air where four instances meet. */
	private static boolean inLung(final int x, final int y) {
		return inDisc(x, y, 50, 60, 25);
	}

	/** Gas inside one instance: its lumen. */
	private static boolean inLumen(final int x, final int y) {
		return inDisc(x, y, 125, 32, 20);
	}

	/** A gas pocket too small to be a lung, where four other instances meet. */
	private static boolean inPocket(final int x, final int y) {
		return inDisc(x, y, 100, 60, 6);
	}

	/** Gas in a thin band between two instances, as between bowel loops, joining the pocket. */
	private static boolean inBand(final int x, final int y) {
		return x >= 96 && x < 104 && y >= 66 && y < 150;
	}

	private static boolean inGas(final int x, final int y) {
		return inLumen(x, y) || inPocket(x, y) || inBand(x, y);
	}

	/** HU: tissue at 40, the lung at -850, the gas at -1000, air around the body at -1000. */
	private static double[] hu() {
		final double[] hu = new double[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				hu[y * W + x] = !inBody(x, y) || inGas(x, y) ? -1000 : inLung(x, y) ? -850 : 40;
		return hu;
	}

	/**
	 * The body as a grid of instances 1-6, three columns by two rows, meeting at the lung's and the pocket's centres;
	 * the air in the body unlabelled.
	 */
	private static int[] labels() {
		final int[] labels = new int[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				if (inBody(x, y) && !inLung(x, y) && !inGas(x, y)) labels[y * W + x] = (x < 50 ? 1 : x < 100 ? 2 :
					3) + (y < 60 ? 0 : 3);
		return labels;
	}

	private static boolean[] body() {
		final boolean[] body = new boolean[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				body[y * W + x] = inBody(x, y);
		return body;
	}


	private static int[] separate(final int bitDepth) {
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(bitDepth);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final boolean[] air = AirRegions.of(HuSlices.unit(hu(), scale, window), BodyMask.airUnit(window, scale));
		return AirRegions.separate(labels(), body(), air, W, H);
	}

	@Test
	public void aLungAmongSeveralInstancesBecomesOneInstanceAndGasInsideOneInstanceOrSmallOrThinIsLeftToTheFill() {
		final int[] before = labels();
		final int[] after = separate(16);
		final int lung = after[60 * W + 50];
		assertTrue("a new instance: " + lung, lung > 6);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				assertEquals(x + "," + y, inLung(x, y) ? lung : before[i], after[i]);
			}
	}

	@Test
	public void airBesideThePartOfALungThatTheMapsCalledStructureJoinsIt() {
		final int[] labels = labels();
		final int lobe = 7;
		for (int y = 0; y < H; y++)
			for (int x = 55; x < W; x++)
				if (inLung(x, y)) labels[y * W + x] = lobe;
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(16);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final boolean[] air = AirRegions.of(HuSlices.unit(hu(), scale, window), BodyMask.airUnit(window, scale));
		final int[] after = AirRegions.separate(labels, body(), air, W, H);
		int free = 0, joined = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				assertTrue("no new instance", after[y * W + x] <= lobe);
				if (!inLung(x, y) || x >= 55) continue;
				free++;
				if (after[y * W + x] == lobe) joined++;
			}
		// the rest, slivers thinner than the opening, is left to the fill
		assertTrue(joined + " of " + free, joined >= 0.9 * free);
	}

	@Test
	public void touchingPiecesOfALungJoinButTheTwoLungsAndTheTissueAroundStayApart() {
		final int[] labels = new int[W * H];
		final boolean[] air = new boolean[W * H];
		final boolean[] body = body();
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				if (!inBody(x, y)) continue;
				final boolean leftLung = x >= 20 && x < 78 && y >= 30 && y < 130;
				final boolean rightLung = x >= 78 && x < 140 && y >= 40 && y < 120;
				air[i] = leftLung || rightLung;
				final boolean rib = x >= 12 && x < 20 && y >= 30 && y < 130;
				// the left lung cut in two across, the right lung whole, both meeting at the midline; a rib beside
				labels[i] = leftLung ? y < 80 ? 1 : 2 : rightLung ? 3 : rib ? 5 : 4;
			}
		final int[] joined = AirRegions.joinTouching(labels.clone(), body, air, W, H);
		for (int i = 0; i < W * H; i++)
			assertEquals(i % W + "," + i / W, labels[i] == 2 ? 1 : labels[i], joined[i]);
	}

	@Test
	public void theAirRegionsAreFoundAlikeInEveryEncoding() {
		final int[] sixteen = separate(16);
		assertArrayEquals("32-bit", sixteen, separate(32));
		assertArrayEquals("8-bit", sixteen, separate(8));
	}

	@Test
	public void theDecoderKeepsTheLungWholeWhereItsSettingsAskInsteadOfFloodingItFromAround() {
		final int[] truth = labels();
		final float[][] maps = new float[InstanceTargets.CLASS_COUNT][W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				final boolean edge = truth[i] != 0 && (x == 49 || x == 50 || x == 99 || x == 100 || y == 59 ||
					y == 60);
				maps[InstanceTargets.BACKGROUND][i] = truth[i] != 0 ? 0.05f : 0.9f;
				maps[InstanceTargets.INTERIOR][i] = truth[i] == 0 ? 0.05f : edge ? 0.1f : 0.9f;
				maps[InstanceTargets.BOUNDARY][i] = edge ? 0.85f : 0.05f;
			}
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(16);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final float[] unit = HuSlices.unit(hu(), scale, window);
		final InstanceDecoder.Settings settings = InstanceDecoder.Settings.DEFAULT.withFillBackground(true)
			.withKeepAirRegionsWhole(true);
		final TissueLevels.Slice tissue = TissueLevels.of(window, scale).slice(unit, W, H, settings);
		assertEquals("whole", 1, lungLabels(InstanceDecoder.decode(maps, W, H, settings, body(), tissue)).size());
		final int[] flooded = InstanceDecoder.decode(maps, W, H, settings.withKeepAirRegionsWhole(false), body(), tissue);
		assertEquals("flooded from the four instances around it", 4, lungLabels(flooded).size());
		assertArrayEquals("without the intensities, as before", flooded, InstanceDecoder.decode(maps, W, H, settings,
			body(), null));
	}

	@Test
	public void aLungThatTheFatPlanesCutAlongAVesselIsJoinedAgain() {
		// the maps call the lung one instance, the tissue around it another; a vessel runs across the lung, its
		// partial volume in fat's band
		final double[] hu = new double[W * H];
		final float[][] maps = new float[InstanceTargets.CLASS_COUNT][W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				final boolean rim = inLung(x, y) && !inDisc(x, y, 50, 60, 22);
				hu[i] = !inBody(x, y) ? -1000 : !inLung(x, y) ? 40 : x == 50 || x == 51 ? -100 : -850;
				maps[InstanceTargets.BACKGROUND][i] = inBody(x, y) ? 0.05f : 0.9f;
				maps[InstanceTargets.INTERIOR][i] = !inBody(x, y) || rim ? 0.05f : 0.9f;
				maps[InstanceTargets.BOUNDARY][i] = rim ? 0.9f : 0.05f;
			}
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(16);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final float[] unit = HuSlices.unit(hu, scale, window);
		final InstanceDecoder.Settings fat = InstanceDecoder.Settings.DEFAULT.withFillBackground(true)
			.withSplitFatPlanes(true);
		final TissueLevels levels = TissueLevels.of(window, scale);
		final int[] cut = InstanceDecoder.decode(maps, W, H, fat, body(), levels.slice(unit, W, H, fat));
		assertEquals("the fat planes cut it", 2, labelsWithin(cut, 20).size());
		final InstanceDecoder.Settings whole = fat.withKeepAirRegionsWhole(true);
		final int[] joined = InstanceDecoder.decode(maps, W, H, whole, body(), levels.slice(unit, W, H, whole));
		final Set<Integer> lung = labelsWithin(joined, 20);
		assertEquals("joined again", 1, lung.size());
		assertTrue("apart from the tissue", !lung.contains(joined[140 * W + 140]));
	}

	/** The labels within {@code radius} of the lung's centre. */
	private static Set<Integer> labelsWithin(final int[] labels, final int radius) {
		final Set<Integer> found = new HashSet<>();
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				if (inDisc(x, y, 50, 60, radius)) found.add(labels[y * W + x]);
		return found;
	}

	private static Set<Integer> lungLabels(final int[] labels) {
		final Set<Integer> found = new HashSet<>();
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				if (inLung(x, y)) found.add(labels[y * W + x]);
		return found;
	}
}
