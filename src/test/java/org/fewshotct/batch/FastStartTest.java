package org.fewshotct.batch;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.Collections;

import org.fewshotct.testing.ImageJBatch;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** bin/imagej-batch's fast start: prepared by the first run after a build, in the user's cache folder. */
public class FastStartTest {

	private static final String MACRO = "run('Synthetic CT Phantoms', 'slices=1 seed=1 size=32');\n" +
		"print(getTitle() + ' ' + nSlices);\n";

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
		java.util.Arrays.sort(files);
		assertArrayEquals(new String[] { "classes.jsa", FastStartFiles.SUITE_JAR, FastStartFiles.IMAGEJ_JAR }, files);

		final ImageJBatch.Run second = ImageJBatch.run(MACRO + "run('Calibrate...', 'function=None unit=x');\n",
			Collections.singletonMap("XDG_CACHE_HOME", cache.getPath()));
		assertEquals(second.toString(), 1, second.exitCode);
		assertEquals("phantom-ct 1\n", second.stdout);
		assertFalse(second.stderr, second.stderr.contains("preparing"));
		assertTrue(second.stderr, second.stderr.contains("imagej-batch: Calibrate...: java.awt.HeadlessException"));
	}

	@Test
	public void withoutAWritableCacheEveryRunPatchesImageJAsItStarts() throws Exception {
		final File notAFolder = temp.newFile("cache");
		final ImageJBatch.Run run = ImageJBatch.run(MACRO + "run('Calibrate...', 'function=None unit=x');\n",
			Collections.singletonMap("XDG_CACHE_HOME", notAFolder.getPath()));
		assertEquals(run.toString(), 1, run.exitCode);
		assertEquals("phantom-ct 1\n", run.stdout);
		assertTrue(run.stderr, run.stderr.contains("imagej-batch: Calibrate...: java.awt.HeadlessException"));
		assertFalse(run.stderr, run.stderr.contains("preparing"));
	}
}
