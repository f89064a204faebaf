package org.fewshotct.core.view;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;

import java.io.File;
import java.util.HashSet;
import java.util.Set;

import org.fewshotct.core.Progress;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.testing.RealCt;
import org.fewshotct.testing.TestStacks;
import org.junit.Test;

public class LabelColouringTest {

	@Test
	public void fourLabelsMeetingAtOnePointGetFourColours() {
		// 1 and 4 touch diagonally at the centre, as do 2 and 3: every pair touches.
		final int[] labels = { //
			1, 1, 2, 2, //
			1, 1, 2, 2, //
			3, 3, 4, 4, //
			3, 3, 4, 4 };
		final int[] colours = LabelColouring.colour(labels, 4, 4);
		assertEquals(5, colours.length);
		assertEquals(LabelColouring.NONE, colours[0]);
		final Set<Integer> distinct = new HashSet<>();
		for (int label = 1; label <= 4; label++)
			distinct.add(colours[label]);
		assertEquals(4, distinct.size());
		assertTrue(distinct.stream().allMatch(c -> c >= 0 && c < LabelColouring.PALETTE.length));
	}

	@Test
	public void absentValuesAndBackgroundHaveNoColour() {
		final int[] labels = { 0, 7, 0, 0, 0, 0, 0, 9, 9 };
		final int[] colours = LabelColouring.colour(labels, 3, 3);
		assertEquals(10, colours.length);
		for (int value = 0; value < 10; value++)
			assertEquals("value " + value, value == 7 || value == 9 ? true : false, colours[value] != LabelColouring
				.NONE);
		assertEquals(-1, LabelColouring.rgb(colours, 0));
		assertEquals(LabelColouring.PALETTE[colours[7]], LabelColouring.rgb(colours, 7));
	}

	@Test
	public void aPreferredColourIsTakenUnlessATouchingLabelHasIt() {
		final int[] labels = { 1, 1, 2, 2, 0, 3 };
		final int[] preferred = { -1, 5, 5, 5 };
		final int[] colours = LabelColouring.colour(labels, 6, 1, preferred);
		assertNotEquals(colours[1], colours[2]);
		assertTrue(colours[1] == 5 || colours[2] == 5);
		assertEquals("3 touches nothing, so it gets its wish", 5, colours[3]);
	}

	@Test
	public void aHubWithMoreNeighboursThanColoursStillDiffersFromEach() {
		// A centre label ringed by 20 labels, each touching the centre and its two ring neighbours.
		final int size = 41;
		final int[] labels = new int[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final double dx = x - size / 2;
				final double dy = y - size / 2;
				final double r = Math.hypot(dx, dy);
				if (r < 8) labels[y * size + x] = 1;
				else if (r < 18) labels[y * size + x] = 2 + (int) ((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI) * 20) %
					20;
			}
		assertTouchingLabelsDiffer(labels, size, size);
	}

	@Test
	public void randomLabelSlicesAreProperlyColoured() {
		final ImagePlus stack = TestStacks.labels(64, 48, 4, 300, 3);
		for (int s = 1; s <= 4; s++)
			assertTouchingLabelsDiffer(Stacks.labelValues(stack.getStack().getProcessor(s)), 64, 48);
	}

	@Test
	public void realCtLabelsAreProperlyColoured() {
		final File folder = RealCt.folder("ts_dicom_train/labels");
		final ImagePlus truth = SliceFolderReader.read(folder, Progress.NONE);
		for (int s = 1; s <= truth.getStackSize(); s++)
			assertTouchingLabelsDiffer(Stacks.labelValues(truth.getStack().getProcessor(s)), truth.getWidth(), truth
				.getHeight());
	}

	/** Checks every 8-connected pair of distinct non-zero labels, independently of the colouring's own graph. */
	static void assertTouchingLabelsDiffer(final int[] labels, final int width, final int height) {
		final int[] colours = LabelColouring.colour(labels, width, height);
		int pairs = 0;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						final int nx = x + dx;
						final int ny = y + dy;
						if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
						final int a = labels[y * width + x];
						final int b = labels[ny * width + nx];
						if (a == 0 || b == 0 || a == b) continue;
						pairs++;
						assertNotEquals("labels " + a + " and " + b + " touch at " + x + "," + y, colours[a], colours[b]);
					}
		assertTrue("the example has touching labels", pairs > 0);
	}
}
