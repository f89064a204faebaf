package org.fewshotct.core.view;

import static org.fewshotct.core.view.SegmentationErrors.CORRECT;
import static org.fewshotct.core.view.SegmentationErrors.MERGED;
import static org.fewshotct.core.view.SegmentationErrors.OUTSIDE;
import static org.fewshotct.core.view.SegmentationErrors.SPLIT;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class SegmentationErrorsTest {

	private static final byte O = OUTSIDE;
	private static final byte C = CORRECT;
	private static final byte M = MERGED;
	private static final byte S = SPLIT;

	@Test
	public void classifiesMergedSplitAndCorrectPixels() {
		final int[] truth = { //
			1, 1, 1, 2, 2, 0, //
			1, 1, 1, 2, 2, 0, //
			3, 3, 3, 3, 0, 4, //
			3, 3, 3, 3, 0, 4 };
		final int[] prediction = { //
			5, 5, 5, 5, 5, 5, // 1 and 2 both mostly 5: merged; the 5 on truth 0 is not scored
			5, 5, 6, 5, 5, 0, // one pixel of 1 split off as 6
			7, 7, 8, 8, 9, 4, // 3 is 7/8 in a tie: 7 (the smaller) is its majority, 8 is split off
			7, 7, 5, 8, 9, 4 }; // a pixel of 3 labelled 5, the majority of 1 and 2: split off 3, not merged
		final byte[] expected = { //
			M, M, M, M, M, O, //
			M, M, S, M, M, O, //
			C, C, S, S, O, C, //
			C, C, S, S, O, C };
		assertArrayEquals(expected, SegmentationErrors.classify(truth, prediction));
		assertArrayEquals(new long[] { 4, 6, 9, 5 }, SegmentationErrors.count(expected));
	}

	@Test
	public void structuresPredictedAsBackgroundTogetherAreMerged() {
		final int[] truth = { 1, 1, 2, 2, 3 };
		final int[] prediction = { 0, 0, 0, 0, 4 };
		assertArrayEquals(new byte[] { M, M, M, M, C }, SegmentationErrors.classify(truth, prediction));
	}

	@Test
	public void overlapsMatchMutualBestLabels() {
		final int[] truth = { 1, 1, 1, 2, 2, 2 };
		final int[] prediction = { 4, 4, 6, 6, 6, 4 };
		final Overlaps overlaps = Overlaps.of(truth, prediction);
		assertEquals(4, overlaps.majority(1));
		assertEquals(6, overlaps.majority(2));
		assertEquals(1, overlaps.bestTruth(4));
		assertEquals(2, overlaps.bestTruth(6));
		assertEquals(-1, overlaps.bestTruth(5));
		assertArrayEquals(new int[] { -1, -1, -1, -1, 10, -1, 11 }, overlaps.preferredColours(new int[] { -1, 10,
			11 }));
	}
}
