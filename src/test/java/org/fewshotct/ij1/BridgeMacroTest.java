package org.fewshotct.ij1;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;

import org.fewshotct.testing.ImageJBatch;
import org.junit.Test;

/**
 * Image titles through bin/imagej-batch: a new stack never takes an open image's title, a shared title is refused,
 * and one image is not taken for two inputs where that makes no sense.
 */
public class BridgeMacroTest {

	@Test
	public void aSecondStackOfTheSameNameIsRenamedAndASharedTitleIsRefused() throws Exception {
		final String train = path(new File("test-images/train/images"));
		final String test = path(new File("test-images/test/images"));
		final ImageJBatch.Run run = ImageJBatch.run("run('Open CT Slices', 'folder=[" + train + "]');\n" +
			"run('Open CT Slices', 'folder=[" + test + "]');\nprint('second ' + getTitle());\nrename('images');\n" +
			"run('Sobel Watershed Baseline', 'ct=images');\nprint('after the failure');\n");
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("Open CT Slices: new image 'images-1' ('images' is the title of " +
			"an open image)"));
		assertTrue(run.stdout, run.stdout.contains("second images-1"));
		assertTrue(run.stderr, run.stderr.contains("2 open images are titled 'images' (macro key 'ct='): ID -"));
		assertTrue(run.stderr, run.stderr.contains("6 slices, from " + new File(train).getCanonicalPath()));
		assertTrue(run.stderr, run.stderr.contains("4 slices, from " + new File(test).getCanonicalPath()));
		assertFalse(run.stdout, run.stdout.contains("after the failure"));
	}

	@Test
	public void oneImageForTruthAndPredictionIsRefused() throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run("run('Synthetic CT Phantoms', 'slices=1 size=64');\n" +
			"run('Rand Index', 'truth=phantom-labels prediction=phantom-labels');\nprint('after the refusal');\n");
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.contains("'truth=' and 'prediction=' are the same image 'phantom-labels': " +
			"choose another image for one of them"));
		assertFalse(run.stdout, run.stdout.contains("after the refusal"));
	}
}
