package org.fewshotct.core.instances;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.junit.Test;

public class DarkerRegionsTest {

	private static final int W = 120;
	private static final int H = 120;
	/** The organ: one instance over a 100 x 100 square, at 100 HU with noise as a CT's. */
	private static final int ORGAN = 1;
	private static final int CX = 50;
	private static final int CY = 55;

	private static boolean inOrgan(final int x, final int y) {
		return x >= 10 && x < 110 && y >= 10 && y < 110;
	}

	private static boolean inDisc(final int x, final int y, final int radius) {
		return (x - CX) * (x - CX) + (y - CY) * (y - CY) <= radius * radius;
	}

	/** The organ's instance labels, with a neighbouring instance on the left that must stay as it is. */
	private static int[] labels() {
		final int[] labels = new int[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				labels[y * W + x] = inOrgan(x, y) ? ORGAN : x < 10 ? 2 : 0;
		return labels;
	}

	/** HU of the slice: the organ at 100, a disc of {@code discHu} inside it, noise of 15 HU, air around. */
	private static double[] hu(final int radius, final double discHu) {
		final Random random = new Random(7);
		final double[] hu = new double[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				hu[y * W + x] = (inOrgan(x, y) ? inDisc(x, y, radius) ? discHu : 100 : x < 10 ? 40 : -1000) + 15 * random
					.nextGaussian();
		return hu;
	}

	/** The organ with a darker rim along its lower edge, {@code rows} thick, 40 HU darker: no lesion. */
	private static double[] rim(final int rows) {
		final double[] hu = hu(24, 100);
		for (int y = 110 - rows; y < 110; y++)
			for (int x = 10; x < 110; x++)
				hu[y * W + x] -= 40;
		return hu;
	}

	private static int[] split(final double[] hu, final int bitDepth) {
		return split(hu, bitDepth, false);
	}

	private static int[] split(final double[] hu, final int bitDepth, final boolean smallLesions) {
		return split(hu, bitDepth, smallLesions, false);
	}

	private static int[] split(final double[] hu, final int bitDepth, final boolean smallLesions,
		final boolean growLarge)
	{
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(bitDepth);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final float[] unit = HuSlices.unit(hu, scale, window);
		return DarkerRegions.split(labels(), DarkerRegions.of(unit, DarkerRegions.levels(window, scale), W, H), W, H,
			smallLesions, growLarge);
	}

	/**
	 * The organ with a large lesion whose rim is soft, as a tumour's (partial volume, an infiltrating margin): 60 HU
	 * within radius 20, rising evenly to the organ's 100 HU at radius 32, so half-way (its edge) at radius 26.
	 */
	private static double[] softRimmedLesion() {
		final Random random = new Random(13);
		final double[] hu = new double[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final double r = Math.sqrt((x - CX) * (x - CX) + (y - CY) * (y - CY));
				final double lesion = 60 + 40 * Math.max(0, Math.min(1, (r - 20) / 12));
				hu[y * W + x] = (inOrgan(x, y) ? lesion : x < 10 ? 40 : -1000) + 15 * random.nextGaussian();
			}
		return hu;
	}

	/** The organ with a band 12 pixels wide and 60 long across its inside, 40 HU darker. */
	private static double[] band() {
		final double[] hu = hu(24, 100);
		for (int y = 50; y < 62; y++)
			for (int x = 30; x < 90; x++)
				hu[y * W + x] -= 40;
		return hu;
	}

	/** The organ at {@code organHu} with a disc of {@code discHu} and {@code radius} centred on (cx, cy). */
	private static double[] disc(final double organHu, final int cx, final int cy, final int radius,
		final double discHu)
	{
		final Random random = new Random(11);
		final double[] hu = new double[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final boolean inDisc = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
				hu[y * W + x] = (inOrgan(x, y) ? inDisc ? discHu : organHu : x < 10 ? 40 : -1000) + 15 * random
					.nextGaussian();
			}
		return hu;
	}

	@Test
	public void aDarkerLesionInsideAnOrganBecomesAnInstanceOfItsOwn() {
		assertLesionCarved(split(hu(24, 60), 16), 24, 0.9, 0.95);
	}

	/**
	 * The disc of {@code radius} is one instance that covers at least {@code cover} of it and is at least
	 * {@code purity} disc, and every pixel a few pixels beyond it keeps its label.
	 */
	private static void assertLesionCarved(final int[] labels, final int radius, final double cover,
		final double purity)
	{
		final int lesion = labels[CY * W + CX];
		assertNotEquals(ORGAN, lesion);
		int discPixels = 0, discLesion = 0, lesionPixels = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int label = labels[y * W + x];
				if (inDisc(x, y, radius)) {
					discPixels++;
					if (label == lesion) discLesion++;
				}
				if (label == lesion) lesionPixels++;
				if (!inDisc(x, y, radius + 3)) assertEquals(x + "," + y, x < 10 ? 2 : inOrgan(x, y) ? ORGAN : 0, label);
			}
		assertTrue("the lesion's instance covers most of it: " + discLesion + " of " + discPixels, discLesion >= cover *
			discPixels);
		assertTrue("and little else: " + discLesion + " of " + lesionPixels, discLesion >= purity * lesionPixels);
	}

	@Test
	public void anEvenOrganALesionTooSmallOrTooFaintFatAndAThinDarkerRimStayWhole() {
		assertArrayEquals("no lesion", labels(), split(hu(24, 100), 16));
		assertArrayEquals("a lesion of about 450 pixels", labels(), split(hu(12, 60), 16));
		assertArrayEquals("15 HU darker", labels(), split(hu(24, 85), 16));
		assertArrayEquals("fat, which the fat planes part", labels(), split(hu(24, -80), 16));
		assertArrayEquals("a darker rim 10 pixels thick", labels(), split(rim(10), 16));
		assertNotEquals("a darker rim 30 pixels thick is a region of its own", ORGAN, split(rim(30), 16)[100 * W + 60]);
	}

	@Test
	public void aSmallRoundLesionInsideAnOrganIsCarvedWhenAskedAndGrownToItsEdge() {
		// grown to three quarters of the contrast, which past a sharp edge blurred by the smoothing lies a pixel or
		// two outside the disc (real lesions' rims are soft)
		assertLesionCarved(split(hu(12, 60), 16, true), 12, 0.95, 0.8);
		assertArrayEquals("a large lesion is carved as before", split(hu(24, 60), 16), split(hu(24, 60), 16, true));
	}

	@Test
	public void aLargeLesionWithASoftRimIsGrownToItsEdgeWhenAsked() {
		final double[] hu = softRimmedLesion();
		final double[] asCarved = cover(split(hu, 16), 26);
		assertTrue("the darker pixels stop short of the rim: " + asCarved[0], asCarved[0] < 0.85);
		final int[] labels = split(hu, 16, false, true);
		final double[] grown = cover(labels, 26);
		assertTrue("grown to the rim: " + grown[0], grown[0] >= 0.95);
		assertTrue("and not far past it: " + grown[1], grown[1] >= 0.6);
		final int[] before = labels();
		for (int i = 0; i < W * H; i++)
			if (!inDisc(i % W, i / W, 32)) assertEquals("no change past the rim", before[i], labels[i]);
		// a sharp edge, blurred by the smoothing: a pixel or two past it, as a small lesion's
		assertLesionCarved(split(hu(24, 60), 16, false, true), 24, 0.95, 0.8);
		assertArrayEquals("an even organ", labels(), split(hu(24, 100), 16, false, true));
		assertArrayEquals("a thin darker rim", labels(), split(rim(10), 16, false, true));
	}

	/**
	 * The share of the disc of {@code radius} that the instance at its centre covers, and the share of that
	 * instance that lies in the disc.
	 */
	private static double[] cover(final int[] labels, final int radius) {
		final int lesion = labels[CY * W + CX];
		assertNotEquals("a lesion is carved", ORGAN, lesion);
		int disc = 0, both = 0, instance = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final boolean in = inDisc(x, y, radius), carved = labels[y * W + x] == lesion;
				if (in) disc++;
				if (carved) instance++;
				if (in && carved) both++;
			}
		return new double[] { both / (double) disc, both / (double) instance };
	}

	@Test
	public void smallDarkerPartsThatAreNoLesionInAnOrganStayWhole() {
		assertArrayEquals("a lesion of about 200 pixels", labels(), split(hu(8, 60), 16, true));
		assertArrayEquals("an even organ", labels(), split(hu(24, 100), 16, true));
		assertArrayEquals("a darker band inside the organ (a vessel): not round", labels(), split(band(), 16, true));
		assertArrayEquals("a darker blob cut by the organ's edge: not inside it", labels(), split(disc(100, 104, 60, 14,
			60), 16, true));
		assertArrayEquals("a darker blob in bone (marrow)", labels(), split(disc(280, CX, CY, 12, 200), 16, true));
		assertNotEquals("the same blob in an organ", ORGAN, split(disc(100, CX, CY, 12, 20), 16, true)[CY * W + CX]);
	}

	@Test
	public void aLesionIsFoundAlikeInEveryEncoding() {
		final double[] hu = hu(24, 60);
		final int[] sixteen = split(hu, 16);
		assertArrayEquals("32-bit", sixteen, split(hu, 32));
		final int[] eight = split(hu, 8);
		assertNotEquals("8-bit", ORGAN, eight[CY * W + CX]);
		final double[] small = hu(12, 60);
		final int[] smallSixteen = split(small, 16, true);
		assertNotEquals("a small lesion", ORGAN, smallSixteen[CY * W + CX]);
		assertArrayEquals("a small lesion, 32-bit", smallSixteen, split(small, 32, true));
		assertNotEquals("a small lesion, 8-bit", ORGAN, split(small, 8, true)[CY * W + CX]);
	}

	@Test
	public void theDecoderCarvesOnlyWhereItsSettingsAskAndItKnowsTheIntensities() {
		final float[][] maps = new float[InstanceTargets.CLASS_COUNT][W * H];
		final int[] truth = labels();
		for (int i = 0; i < W * H; i++) {
			final boolean structure = truth[i] != 0;
			maps[InstanceTargets.BACKGROUND][i] = structure ? 0.05f : 0.9f;
			maps[InstanceTargets.INTERIOR][i] = structure ? 0.9f : 0.05f;
			maps[InstanceTargets.BOUNDARY][i] = 0.05f;
		}
		final HounsfieldScale scale = HounsfieldScale.uncalibrated(16);
		final IntensityWindow window = HounsfieldWindow.DEFAULT.on(scale);
		final double[] hu = hu(24, 60);
		final float[] unit = HuSlices.unit(hu, scale, window);
		final TissueLevels levels = TissueLevels.of(window, scale);
		final InstanceDecoder.Settings settings = InstanceDecoder.Settings.DEFAULT.withSplitDarkerRegions(true);
		final int centre = CY * W + CX;
		final int edge = 15 * W + 100;
		final TissueLevels.Slice tissue = levels.slice(unit, W, H, settings);
		final int[] carved = InstanceDecoder.decode(maps, W, H, settings, null, tissue);
		assertNotEquals(carved[edge], carved[centre]);
		final int[] plain = InstanceDecoder.decode(maps, W, H, settings.withSplitDarkerRegions(false), null, tissue);
		assertEquals(plain[edge], plain[centre]);
		final int[] unknown = InstanceDecoder.decode(maps, W, H, settings, null, null);
		assertEquals(unknown[edge], unknown[centre]);
		final float[] small = HuSlices.unit(hu(12, 60), scale, window);
		final InstanceDecoder.Settings smallToo = settings.withSplitSmallDarkerRegions(true);
		final int[] lesion = InstanceDecoder.decode(maps, W, H, smallToo, null, levels.slice(small, W, H, smallToo));
		assertNotEquals(lesion[edge], lesion[centre]);
		final int[] large = InstanceDecoder.decode(maps, W, H, settings, null, levels.slice(small, W, H, settings));
		assertEquals(large[edge], large[centre]);
	}
}
