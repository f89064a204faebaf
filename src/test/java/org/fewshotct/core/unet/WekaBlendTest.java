package org.fewshotct.core.unet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.instances.InstanceTargets;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.junit.Test;

/** The Weka forest blended into a U-Net's maps: what it learns from, and how it blends. */
public class WekaBlendTest {

	private static final PhantomStacks PHANTOMS = new PhantomGenerator(new PhantomSettings(3, 5, 128)).stacks(2,
		Progress.NONE);

	@Test
	public void validationSlicesDoNotTeachTheForest() {
		final ImagePlus scrambled = withOneBlock(PHANTOMS.labels(), 2, 3);
		final float[][] heldOut = forestMaps(PHANTOMS.labels(), Set.of(2, 3));
		assertArrayEquals(heldOut, forestMaps(scrambled, Set.of(2, 3)));
		assertFalse("the held-out labels would have changed it", Arrays.deepEquals(heldOut, forestMaps(scrambled,
			Collections.emptySet())));
	}

	@Test
	public void blendsTheNetworksMapsWithTheForestsByTheWeight() {
		final float[][] forest = forestMaps(PHANTOMS.labels(), Collections.emptySet()); // already times the weight
		final int n = forest[0].length;
		final float[][] network = new float[InstanceTargets.CLASS_COUNT][n];
		Arrays.fill(network[InstanceTargets.BACKGROUND], 1);
		final float[][] blended = blend(PHANTOMS.labels(), Collections.emptySet(), network);
		final float w = (float) UNetSettings.DEFAULT.wekaWeight();
		for (int i = 0; i < n; i += 97) {
			assertEquals(1 - w, blended[InstanceTargets.BACKGROUND][i], 1e-6); // the forest names no background
			assertEquals(forest[InstanceTargets.INTERIOR][i], blended[InstanceTargets.INTERIOR][i], 1e-6);
			assertEquals(forest[InstanceTargets.BOUNDARY][i], blended[InstanceTargets.BOUNDARY][i], 1e-6);
		}
		float most = 0;
		for (final float p : forest[InstanceTargets.INTERIOR])
			most = Math.max(most, p);
		assertEquals("the forest's own interior, times the weight", w, most, 0.05);
	}

	/** The forest's part of the blended maps of slice 1 (the network's maps all 0). */
	private static float[][] forestMaps(final ImagePlus labels, final Set<Integer> heldOut) {
		final float[][] zero = new float[InstanceTargets.CLASS_COUNT][PHANTOMS.ct().getWidth() * PHANTOMS.ct()
			.getHeight()];
		return blend(labels, heldOut, zero);
	}

	private static float[][] blend(final ImagePlus labels, final Set<Integer> heldOut, final float[][] network) {
		final ImagePlus ct = PHANTOMS.ct();
		final WekaBlend blend = WekaBlend.train(ct, labels, heldOut, HounsfieldWindow.DEFAULT, UNetSettings.DEFAULT, 2,
			Progress.NONE);
		final float[] unit = HounsfieldWindow.DEFAULT.on(ct).toUnit(ct.getStack().getProcessor(1));
		return blend.blend(network, unit, ct.getWidth(), ct.getHeight());
	}

	/** {@code labels} with the given slices replaced by one square structure. */
	private static ImagePlus withOneBlock(final ImagePlus labels, final int... slices) {
		final ImageStack source = labels.getStack();
		final ImageStack changed = new ImageStack(source.getWidth(), source.getHeight());
		for (int s = 1; s <= source.getSize(); s++)
			changed.addSlice(source.getSliceLabel(s), source.getProcessor(s).duplicate());
		for (final int s : slices) {
			final ImageProcessor block = source.getProcessor(s).createProcessor(source.getWidth(), source.getHeight());
			block.setValue(7);
			block.setRoi(20, 20, 60, 60);
			block.fill();
			changed.setProcessor(block, s);
		}
		return new ImagePlus(labels.getTitle(), changed);
	}
}
