package org.fewshotct.command;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;

import java.io.File;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.view.LabelColouring;
import org.fewshotct.core.view.LabelOverlays;
import org.fewshotct.testing.BlockLabels;
import org.fewshotct.testing.CtStacks;
import org.fewshotct.testing.ImageJBatch;
import org.fewshotct.testing.TestStacks;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Label Overlay as batch users run it: a macro through bin/imagej-batch. */
public class LabelOverlayMacroTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void overlaysLabelsOnTheWindowedCtAndRefusesMismatchedStacks() throws Exception {
		final ImagePlus truth = BlockLabels.truth(3);
		final ImagePlus ct = CtStacks.under(truth, 1);
		final File ctFolder = temp.newFolder("ct");
		final File labelFolder = temp.newFolder("labels");
		final File twoSlices = temp.newFolder("two");
		TestStacks.savePngs(ct, ctFolder);
		TestStacks.savePngs(truth, labelFolder);
		TestStacks.savePngs(BlockLabels.truth(2), twoSlices);
		final File saved = new File(temp.getRoot(), "overlay.tif");
		final String open = "run('Open CT Slices', 'folder=[" + path(ctFolder) + "]'); ct = getTitle();\n" +
			"run('Open CT Slices', 'folder=[" + path(labelFolder) + "]'); labels = getTitle();\n" +
			"run('Open CT Slices', 'folder=[" + path(twoSlices) + "]'); two = getTitle();\n";
		final ImageJBatch.Run run = ImageJBatch.run(open +
			"run('Label Overlay', 'ct=' + ct + ' labels=' + labels);\n" +
			"print('overlay ' + getTitle() + ' ' + bitDepth() + ' ' + nSlices);\n" +
			"saveAs('Tiff', '" + path(saved) + "');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("overlay ct-overlay 24 3"));
		final ImagePlus overlay = new Opener().openImage(saved.getPath());
		for (int s = 1; s <= 3; s++) {
			final int[] labels = Stacks.labelValues(truth.getStack().getProcessor(s));
			final int[] expected = LabelOverlays.labels(HounsfieldWindow.DEFAULT.on(ct).toBytes(ct.getStack()
				.getProcessor(s)), labels, LabelColouring.colour(labels, BlockLabels.WIDTH, BlockLabels.HEIGHT),
				BlockLabels.WIDTH, BlockLabels.HEIGHT);
			final int[] actual = (int[]) overlay.getStack().getProcessor(s).getPixels();
			for (int i = 0; i < actual.length; i++)
				actual[i] &= 0xffffff;
			assertArrayEquals("slice " + s, expected, actual);
		}
		final ImageJBatch.Run bad = ImageJBatch.run(open + "run('Label Overlay', 'ct=' + ct + ' labels=' + two);\n");
		assertEquals(bad.toString(), 1, bad.exitCode);
		assertTrue(bad.stderr, bad.stderr.contains("The CT 'ct' has 3 slices but the label image 'two' has 2"));
	}
}
