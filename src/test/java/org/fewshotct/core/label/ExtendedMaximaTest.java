package org.fewshotct.core.label;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;

import org.junit.Test;

public class ExtendedMaximaTest {

	/** One row: a dome peaking at 1.0 (x 1-3), a saddle at 0.7 (x 4), a dome peaking at 0.9 (x 5-7), a plain. */
	private static final float[] PROFILE = { 0, 0.8f, 1, 0.8f, 0.7f, 0.85f, 0.9f, 0.75f, 0, 0 };

	private static String maxima(final float[] surface, final boolean[] mask, final double h, final double minPeak) {
		final boolean[] maxima = ExtendedMaxima.of(surface, mask, surface.length, 1, h, minPeak);
		final StringBuilder text = new StringBuilder();
		for (final boolean m : maxima)
			text.append(m ? 'x' : '.');
		return text.toString();
	}

	@Test
	public void aDomeCountsWhenItRisesAtLeastHAboveItsSaddle() {
		assertEquals("each dome's top within h of its peak", "..x..xx...", maxima(PROFILE, null, 0.1, 0));
		assertEquals("the lower dome rises only 0.2 above the saddle", ".xxx......", maxima(PROFILE, null, 0.25, 0));
	}

	@Test
	public void domesThatPeakBelowMinPeakSeedNothing() {
		assertEquals("..x.......", maxima(PROFILE, null, 0.1, 0.95));
		assertEquals("..........", maxima(PROFILE, null, 0.1, 1.01));
	}

	@Test
	public void theMaskSeparatesDomesAndHidesWhatLiesOutside() {
		final boolean[] mask = { true, true, true, true, false, true, true, true, true, true };
		assertEquals("cut at the saddle, the lower dome is a dome of its own", ".xxx.xxx..", maxima(PROFILE, mask,
			0.25, 0));
		mask[5] = mask[6] = mask[7] = false;
		assertEquals(".xxx......", maxima(PROFILE, mask, 0.25, 0.5));
		assertEquals("the plain, cut off, is a (flat) dome of its own", ".xxx....xx", maxima(PROFILE, mask, 0.25, 0));
	}

	@Test
	public void aPlateauIsOneMaximum() {
		final float[] flat = { 0, 0.5f, 0.5f, 0.5f, 0 };
		assertArrayEquals(new boolean[] { false, true, true, true, false }, ExtendedMaxima.of(flat, null, 5, 1, 0.1,
			0));
	}

	@Test
	public void worksInTwoDimensions() {
		// Two peaks on a 3x3 grid joined only through the centre, which dips 0.5 below both.
		final float[] surface = { 1, 0, 0, 0.6f, 0.5f, 0.6f, 0, 0, 1 };
		final boolean[] maxima = ExtendedMaxima.of(surface, null, 3, 3, 0.2, 0);
		assertArrayEquals(new boolean[] { true, false, false, false, false, false, false, false, true }, maxima);
	}

	@Test
	public void aLargerSurfaceBeforeLeavesNoTrace() {
		// The thread's buffers (shared with the watershed) then hold a larger surface's values beyond this one's.
		final float[] large = new float[64 * 64];
		Arrays.fill(large, 2);
		ExtendedMaxima.of(large, null, 64, 64, 0.1, 0);
		final int[] markers = new int[large.length];
		markers[0] = 1;
		Watershed.flood(large, markers, null, 64, 64, 0);
		assertEquals("..x..xx...", maxima(PROFILE, null, 0.1, 0));
	}
}
