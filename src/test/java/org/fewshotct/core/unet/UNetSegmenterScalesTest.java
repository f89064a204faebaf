package org.fewshotct.core.unet;

import static org.junit.Assert.assertEquals;

import ij.ImageStack;
import ij.process.FloatProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.instances.InstanceTargets;
import org.junit.Test;

/**
 * Segmentation at several input scales ({@link UNetSettings#scales()}), with a test network that calls a pixel
 * interior where it is bright: the same at any scale, so every scale's maps, resized back, must land where the
 * slice's bright disc is.
 */
public class UNetSegmenterScalesTest {

	private static final int SIZE = 96;
	private static final int CLASSES = InstanceTargets.CLASS_COUNT;
	private static final UNetSettings ONE_SCALE = UNetSettings.DEFAULT.withDepth(3).withMirror(false).withScales(1);
	private static final UNetSettings TWO_SCALES = ONE_SCALE.withScales(1, 1.25);

	@Test
	public void everySliceGoesThroughTheNetworkOnceAtEachScaleInBatches() {
		final InteriorWhereBright network = new InteriorWhereBright();
		final float[][][] maps = predict(network, TWO_SCALES, disc(20), disc(30), disc(25));
		assertEquals(3, maps.length);
		// two slices per call at each scale (batch 2), then the third slice at each scale; 1.25 x 96 = 120
		assertEquals("[2x96x96, 2x120x120, 1x96x96, 1x120x120]", network.calls.toString());
	}

	/** The network normalises each tile, so a larger view is cut into tiles of the usual size, not one larger tile. */
	@Test
	public void aLargerViewIsCutIntoTilesOfTheUsualSize() {
		final InteriorWhereBright network = new InteriorWhereBright();
		final ImageStack slice = new ImageStack(512, 512);
		slice.addSlice(null, new FloatProcessor(512, 512));
		UNetSegmenter.segmenting(network, TWO_SCALES, 2, 1, null).predict(slice, new IntensityWindow(0, 1), Progress.NONE,
			(s, m, unit) -> {});
		assertEquals("[1x512x512, 2x512x512, 2x512x512]", network.calls.toString());
	}

	@Test
	public void theMapsOfEveryScaleAreResizedBackOntoTheSlice() {
		final float radius = 30;
		final float[][] one = predict(new InteriorWhereBright(), ONE_SCALE, disc(radius))[0];
		final float[][] two = predict(new InteriorWhereBright(), TWO_SCALES, disc(radius))[0];
		for (int y = 0; y < SIZE; y++) {
			for (int x = 0; x < SIZE; x++) {
				final int i = y * SIZE + x;
				final double fromCentre = Math.hypot(x + 0.5 - SIZE / 2.0, y + 0.5 - SIZE / 2.0);
				assertEquals("one scale is the network's own map", fromCentre < radius ? 1 : 0, one[InstanceTargets.INTERIOR][i],
					0);
				float sum = 0;
				for (int c = 0; c < CLASSES; c++)
					sum += two[c][i];
				assertEquals("probabilities at " + x + "," + y, 1, sum, 1e-5);
				// away from the disc's edge both scales agree with the slice; at it they may blend
				if (Math.abs(fromCentre - radius) > 1.5) assertEquals("interior at " + x + "," + y, one[InstanceTargets.INTERIOR][i],
					two[InstanceTargets.INTERIOR][i], 1e-5);
			}
		}
	}

	@Test
	public void aModelSavedBeforeScalesSegmentsAtOneAsItDid() {
		final Map<String, String> saved = TWO_SCALES.toMap();
		saved.remove("scales");
		final InteriorWhereBright network = new InteriorWhereBright();
		predict(network, UNetSettings.fromMap(saved), disc(20));
		assertEquals("[1x96x96]", network.calls.toString());
	}

	private static float[][][] predict(final UNetNetwork network, final UNetSettings settings,
		final FloatProcessor... slices)
	{
		final ImageStack stack = new ImageStack(SIZE, SIZE);
		for (final FloatProcessor slice : slices)
			stack.addSlice(null, slice);
		final float[][][] maps = new float[slices.length][][];
		UNetSegmenter.segmenting(network, settings, 2, 1, null).predict(stack, new IntensityWindow(0, 1), Progress.NONE, (s,
			m, unit) -> maps[s] = m);
		return maps;
	}

	/** A bright disc about the slice's centre on a dark ground. */
	private static FloatProcessor disc(final float radius) {
		final float[] values = new float[SIZE * SIZE];
		for (int i = 0; i < values.length; i++)
			values[i] = Math.hypot(i % SIZE + 0.5 - SIZE / 2.0, i / SIZE + 0.5 - SIZE / 2.0) < radius ? 1 : 0;
		return new FloatProcessor(SIZE, SIZE, values);
	}

	/** Interior where a pixel is brighter than one half, background elsewhere; records each call's batch and shape. */
	private static final class InteriorWhereBright implements UNetNetwork {

		final List<String> calls = new ArrayList<>();

		@Override
		public void predict(final float[] images, final int batch, final int height, final int width,
			final float[] probabilities)
		{
			calls.add(batch + "x" + height + "x" + width);
			for (int i = 0; i < batch * height * width; i++)
				for (int c = 0; c < CLASSES; c++)
					probabilities[i * CLASSES + c] = c == (images[i] > 0.5f ? InstanceTargets.INTERIOR
						: InstanceTargets.BACKGROUND) ? 1 : 0;
		}

		@Override
		public String device() {
			return "test network";
		}

		@Override
		public void close() {}
	}
}
