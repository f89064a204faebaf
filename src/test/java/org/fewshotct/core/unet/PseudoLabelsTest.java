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

/**
 * What a teacher's pixels teach the student on a slice without masks. The slices are columns of one
 * intensity each; the test teacher reads its classes, and how sure it is, from the intensity alone.
 */
public class PseudoLabelsTest {

	private static final int SIZE = 32;
	/** Intensities the test teacher reads as: air, fat (background, 60 % sure), tissue (interior), a boundary band. */
	private static final float AIR = 0.1f, FAT = 0.3f, TISSUE = 0.5f, BAND = 0.9f;
	/** The body's threshold: fat is body, air is not. */
	private static final float BODY = 0.2f;
	private static final int Y = SIZE / 2;

	/**
	 * Two structures the teacher separates by a boundary band five pixels wide: the band's middle, where the
	 * decoded instances meet, teaches "boundary"; the rest of the band, which the instances cover, teaches nothing
	 * rather than "interior" where the teacher said "boundary".
	 */
	@Test
	public void aBoundaryBandTeachesBoundaryWhereInstancesMeetAndNothingWhereTheyCoverIt() {
		final int bandFrom = 13;
		final int bandTo = 17;
		final LabelledSlice pseudo = pseudoLabel(x -> x < 4 || x > 27 ? AIR : x < bandFrom || x > bandTo ? TISSUE
			: BAND);
		final byte[] taught = InstanceTargets.classes(pseudo.labels, SIZE, SIZE, 1);
		int meeting = -1;
		for (int x = bandFrom; x < bandTo; x++)
			if (pseudo.labels[Y * SIZE + x] != pseudo.labels[Y * SIZE + x + 1]) meeting = x;
		assertNotEquals("the instances meet inside the band", -1, meeting);
		for (final int x : new int[] { meeting, meeting + 1 }) {
			assertEquals(InstanceTargets.BOUNDARY, taught[Y * SIZE + x]);
			assertEquals("where the instances meet teaches", 1f, weight(pseudo, x), 0);
		}
		for (final int x : new int[] { bandFrom, bandTo }) {
			assertEquals(InstanceTargets.INTERIOR, taught[Y * SIZE + x]);
			assertEquals("the band the instances cover teaches nothing", 0f, weight(pseudo, x), 0);
		}
		assertEquals("a confident interior teaches", 1f, weight(pseudo, 8), 0);
		assertEquals("confident air teaches", 1f, weight(pseudo, 1), 0);
	}

	/**
	 * Fat between structures, which the teacher calls background less surely than the air around the body:
	 * measured against the other background inside the body, not against the air, it teaches background.
	 */
	@Test
	public void backgroundInsideTheBodyIsJudgedAgainstTheBodyNotTheAir() {
		final LabelledSlice pseudo = pseudoLabel(x -> x < 8 || x > 23 ? AIR : x < 12 || x > 19 ? FAT : TISSUE);
		assertEquals(0, pseudo.labels[Y * SIZE + 10]);
		assertEquals("fat teaches background", 1f, weight(pseudo, 10), 0);
		assertEquals("so does air", 1f, weight(pseudo, 2), 0);
		assertNotEquals(0, pseudo.labels[Y * SIZE + 16]);
	}

	private interface Profile {

		float intensity(int x);
	}

	private static LabelledSlice pseudoLabel(final Profile columns) {
		final float[] values = new float[SIZE * SIZE];
		for (int i = 0; i < values.length; i++)
			values[i] = columns.intensity(i % SIZE);
		final ImagePlus raw = new ImagePlus("raw", new FloatProcessor(SIZE, SIZE, values));
		final UNetSegmenter teacher = UNetSegmenter.segmenting(new ClassByIntensity(), UNetSettings.DEFAULT.withDepth(2)
			.withMirror(false).withScales(1), 1, 1, null);
		final List<LabelledSlice> pseudo = PseudoLabels.of(teacher, UnlabelledSlices.of(raw, raw), new IntensityWindow(0,
			1), InstanceDecoder.Settings.DEFAULT, 1, BODY, Progress.NONE);
		assertEquals(1, pseudo.size());
		return pseudo.get(0);
	}

	private static float weight(final LabelledSlice slice, final int x) {
		return slice.weights[Y * SIZE + x];
	}

	/** The test teacher: 90 % sure of air (background), tissue (interior) and the band (boundary); 60 % of fat. */
	private static final class ClassByIntensity implements UNetNetwork {

		@Override
		public void predict(final float[] images, final int batch, final int height, final int width,
			final float[] probabilities)
		{
			final int classes = InstanceTargets.CLASS_COUNT;
			for (int i = 0; i < batch * height * width; i++) {
				final float v = images[i];
				final int likeliest = v < 0.4f ? InstanceTargets.BACKGROUND : v < 0.7f ? InstanceTargets.INTERIOR
					: InstanceTargets.BOUNDARY;
				final float sure = v > 0.2f && v < 0.4f ? 0.6f : 0.9f;
				for (int c = 0; c < classes; c++)
					probabilities[i * classes + c] = c == likeliest ? sure : (1 - sure) / 2;
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
