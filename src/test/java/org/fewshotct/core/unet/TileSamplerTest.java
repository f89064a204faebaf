package org.fewshotct.core.unet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.instances.InstanceTargets;
import org.junit.Test;

public class TileSamplerTest {

	/** 12x10: values 100 * x + y, labels: two 4x4 squares, 7 at (2,2) and 9 right beside it at (6,2). */
	private static LabelledSlice slice() {
		final float[] values = new float[120];
		final int[] labels = new int[120];
		for (int y = 0; y < 10; y++)
			for (int x = 0; x < 12; x++) {
				values[y * 12 + x] = 100 * x + y;
				if (y >= 2 && y < 6 && x >= 2 && x < 10) labels[y * 12 + x] = x < 6 ? 7 : 9;
			}
		return new LabelledSlice(values, labels, 12, 10);
	}

	private static final IntensityWindow WINDOW = new IntensityWindow(0, 1000);
	private static final float[] WEIGHTS = { 0.5f, 1, 3 };

	@Test
	public void cropsCoverTheSliceUnchangedWithWeightZeroBeyondIt() {
		final LabelledSlice slice = slice();
		final TileSampler sampler = new TileSampler(Collections.singletonList(slice), WINDOW, 8, 1, false, WEIGHTS);
		assertEquals(4, sampler.cropCount(slice));
		final TileSampler.Batch batch = new TileSampler.Batch(4, 8);
		for (int t = 0; t < 4; t++)
			sampler.crop(slice, t, batch, t);
		// tile 3 starts at (8, 8): its pixel (1, 1) is slice pixel (9, 9); (4, 0) lies beyond the slice
		assertEquals(0.909f, batch.images[3 * 64 + 9], 1e-6);
		assertEquals(0.5f, batch.weights[3 * 64 + 9], 0);
		assertEquals(0, batch.weights[3 * 64 + 4], 0);
		assertEquals(0, batch.images[3 * 64 + 4], 0);
		// tile 0 is the top-left 8x8 of the slice; its classes are the targets of that window
		final int[] window = new int[64];
		for (int y = 0; y < 8; y++)
			for (int x = 0; x < 8; x++)
				window[y * 8 + x] = slice.labels[y * 12 + x];
		assertArrayEquals(InstanceTargets.classes(window, 8, 8, 1), Arrays.copyOf(batch.classes, 64));
		assertEquals(InstanceTargets.BOUNDARY, batch.classes[3 * 8 + 5]);
		assertEquals(3, batch.weights[3 * 8 + 5], 0);
		assertEquals(InstanceTargets.INTERIOR, batch.classes[3 * 8 + 3]);
		assertEquals(1, batch.weights[3 * 8 + 3], 0);
	}

	@Test
	public void augmentedBatchesDependOnTheSeedOnly() {
		final TileSampler sampler = new TileSampler(Collections.singletonList(slice()), WINDOW, 8, 1, true, WEIGHTS);
		final TileSampler.Batch a = new TileSampler.Batch(3, 8);
		final TileSampler.Batch b = new TileSampler.Batch(3, 8);
		sampler.sample(42, 0, a);
		sampler.sample(42, 0, b);
		assertArrayEquals(a.images, b.images, 0);
		assertArrayEquals(a.classes, b.classes);
		sampler.sample(43, 0, b);
		assertFalse(Arrays.equals(a.images, b.images));
	}

	@Test
	public void everySecondTileOfTheTrainingIsPseudoLabelledEvenInBatchesOfOne() {
		// The pseudo-labelled slice is all 900: its tiles are 0.9 wherever they lie on it.
		final float[] flat = new float[120];
		Arrays.fill(flat, 900);
		final LabelledSlice pseudo = new LabelledSlice(flat, new int[120], 12, 10);
		final TileSampler sampler = new TileSampler(Collections.singletonList(slice()), Collections.singletonList(
			pseudo), WINDOW, 8, 1, false, WEIGHTS);
		final StringBuilder ofOne = new StringBuilder();
		final TileSampler.Batch one = new TileSampler.Batch(1, 8);
		for (long step = 0; step < 6; step++) {
			sampler.sample(step, step, one);
			ofOne.append(fromPseudo(one, 0) ? 'p' : 'l');
		}
		assertEquals("lplplp", ofOne.toString());
		final StringBuilder ofFour = new StringBuilder();
		final TileSampler.Batch four = new TileSampler.Batch(4, 8);
		sampler.sample(7, 7, four);
		for (int b = 0; b < 4; b++)
			ofFour.append(fromPseudo(four, b) ? 'p' : 'l');
		assertEquals("lplp", ofFour.toString());
	}

	private static boolean fromPseudo(final TileSampler.Batch batch, final int b) {
		final int n = batch.tile * batch.tile;
		for (int i = b * n; i < (b + 1) * n; i++)
			if (batch.weights[i] > 0 && batch.images[i] != 0.9f) return false;
		return true;
	}

	@Test
	public void augmentationMovesLabelsWithoutInventingThem() {
		final TileSampler sampler = new TileSampler(Collections.singletonList(slice()), WINDOW, 16, 1, true, WEIGHTS);
		final TileSampler.Batch batch = new TileSampler.Batch(8, 16);
		for (long seed = 0; seed < 20; seed++) {
			sampler.sample(seed, seed, batch);
			final Set<Byte> classes = new HashSet<>();
			for (int i = 0; i < batch.classes.length; i++) {
				classes.add(batch.classes[i]);
				if (batch.weights[i] == 0) assertEquals(InstanceTargets.BACKGROUND, batch.classes[i]);
			}
			assertTrue(classes.contains(InstanceTargets.INTERIOR) || classes.contains(InstanceTargets.BOUNDARY));
			for (final float v : batch.images)
				assertTrue("intensity " + v, v > -1 && v < 2);
		}
	}
}
