package org.fewshotct.core.unet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import java.util.List;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.InstanceTargets;
import org.junit.Test;

/** What a teacher's confident pixels teach the student on a slice without masks. */
public class PseudoLabelsTest {

	private static final int SIZE = 32;
	/** Columns of the picture: air, structure A, the teacher's boundary band, structure B, air. */
	private static final int A_FROM = 4, BAND_FROM = 13, BAND_TO = 17, B_TO = 27;
	/** Their intensities, which the test teacher reads as its classes. */
	private static final float AIR = 0.1f, TISSUE = 0.5f, BAND = 0.9f;

	/**
	 * Two structures the teacher separates by a boundary band five pixels wide: the band's middle, where the
	 * decoded instances meet, teaches "boundary"; the rest of the band, which the instances cover, teaches nothing
	 * rather than "interior" where the teacher said "boundary".
	 */
	@Test
	public void aBoundaryBandTeachesBoundaryWhereInstancesMeetAndNothingWhereTheyCoverIt() {
		final LabelledSlice pseudo = pseudoLabel();
		final byte[] taught = InstanceTargets.classes(pseudo.labels, SIZE, SIZE, 1);
		final int y = SIZE / 2;
		int meeting = -1;
		for (int x = BAND_FROM; x < BAND_TO; x++)
			if (pseudo.labels[y * SIZE + x] != pseudo.labels[y * SIZE + x + 1]) meeting = x;
		assertNotEquals("the instances meet inside the band", -1, meeting);
		for (final int x : new int[] { meeting, meeting + 1 }) {
			assertEquals(InstanceTargets.BOUNDARY, taught[y * SIZE + x]);
			assertEquals("where the instances meet teaches", 1f, pseudo.weights[y * SIZE + x], 0);
		}
		for (final int x : new int[] { BAND_FROM, BAND_TO }) {
			assertEquals(InstanceTargets.INTERIOR, taught[y * SIZE + x]);
			assertEquals("the band the instances cover teaches nothing", 0f, pseudo.weights[y * SIZE + x], 0);
		}
		assertEquals("a confident interior teaches", 1f, pseudo.weights[y * SIZE + (A_FROM + BAND_FROM) / 2], 0);
		assertEquals("confident air teaches", 1f, pseudo.weights[y * SIZE + 1], 0);
	}

	private static LabelledSlice pseudoLabel() {
		final float[] values = new float[SIZE * SIZE];
		for (int y = 0; y < SIZE; y++)
			for (int x = 0; x < SIZE; x++)
				values[y * SIZE + x] = x < A_FROM || x > B_TO ? AIR : x < BAND_FROM || x > BAND_TO ? TISSUE : BAND;
		final ImagePlus raw = new ImagePlus("raw", new FloatProcessor(SIZE, SIZE, values));
		final List<LabelledSlice> pseudo = PseudoLabels.of(new ClassByIntensity(), UnlabelledSlices.of(raw, raw),
			new IntensityWindow(0, 1), 2, 1, 1, InstanceDecoder.Settings.DEFAULT, 1, Progress.NONE);
		assertEquals(1, pseudo.size());
		return pseudo.get(0);
	}

	/** A teacher 90 % sure of the class an intensity stands for: air background, tissue interior, band boundary. */
	private static final class ClassByIntensity implements UNetNetwork {

		@Override
		public void predict(final float[] images, final int batch, final int height, final int width,
			final float[] probabilities)
		{
			final int classes = InstanceTargets.CLASS_COUNT;
			for (int i = 0; i < batch * height * width; i++) {
				final int likeliest = images[i] < 0.3f ? InstanceTargets.BACKGROUND : images[i] < 0.7f
					? InstanceTargets.INTERIOR : InstanceTargets.BOUNDARY;
				for (int c = 0; c < classes; c++)
					probabilities[i * classes + c] = c == likeliest ? 0.9f : 0.05f;
			}
		}

		@Override
		public String device() {
			return "test teacher";
		}

		@Override
		public void close() {}
	}
}
