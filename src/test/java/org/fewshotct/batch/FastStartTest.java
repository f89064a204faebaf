package org.fewshotct.batch;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.Collections;

import org.fewshotct.testing.ImageJBatch;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** bin/imagej-batch's fast start: prepared by the first run after a build, in the user's cache folder. */
public class FastStartTest {

	private static final String MACRO = "run('Synthetic CT Phantoms', 'slices=1 seed=1 size=32');\n" +
		"print(getTitle() + ' ' + nSlices);\n";
	private static final String FAILING_MACRO = MACRO + "run('Calibrate...', 'function=None unit=x');\n";

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void theFirstRunPreparesWhatLaterRunsStartFrom() throws Exception {
		final File cache = temp.newFolder("cache");
		final ImageJBatch.Run first = ImageJBatch.run(MACRO, Collections.singletonMap("XDG_CACHE_HOME", cache.getPath()));
		assertEquals(first.toString(), 0, first.exitCode);
		assertEquals("phantom-ct 1\n", first.stdout);
		assertTrue(first.stderr, first.stderr.contains("preparing a faster start"));
		final File[] builds = new File(cache, "few-shot-ct/launcher").listFiles(File::isDirectory);
		assertEquals(1, builds.length);
		final String[] files = builds[0].list();
		Arrays.sort(files);
		assertArrayEquals(new String[] { "classes.jsa", FastStartFiles.SUITE_JAR, FastStartFiles.IMAGEJ_JAR }, files);

		assertRunsAndFailsAtCalibrate(ImageJBatch.run(FAILING_MACRO,
			Collections.singletonMap("XDG_CACHE_HOME", cache.getPath())));
	}

	@Test
	public void withoutAWritableCacheEveryRunPatchesImageJAsItStarts() throws Exception {
		final File notAFolder = temp.newFile("cache");
		assertRunsAndFailsAtCalibrate(ImageJBatch.run(FAILING_MACRO,
			Collections.singletonMap("XDG_CACHE_HOME", notAFolder.getPath())));
	}

	/** The suite's command ran, ImageJ's failing one failed the run, and nothing was prepared this time. */
	private static void assertRunsAndFailsAtCalibrate(final ImageJBatch.Run run) {
		assertEquals(run.toString(), 1, run.exitCode);
		assertEquals("phantom-ct 1\n", run.stdout);
		assertTrue(run.stderr, run.stderr.contains("imagej-batch: Calibrate...: java.awt.HeadlessException"));
		assertFalse(run.stderr, run.stderr.contains("preparing"));
	}
}
