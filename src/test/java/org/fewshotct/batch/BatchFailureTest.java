package org.fewshotct.batch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Collections;

import org.fewshotct.testing.ImageJBatch;
import org.junit.Test;

/** Whatever fails in a batch run, ImageJ's or the suite's, ends it there with exit 1 and says what failed. */
public class BatchFailureTest {

	@Test
	public void aBuiltInCommandThatThrowsFailsTheRun() throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run("newImage('a', '8-bit', 8, 8, 1);\n" +
			"run('Calibrate...', 'function=None unit=x');\nprint('after the failure');\n");
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.contains("imagej-batch: Calibrate...: java.awt.HeadlessException (it " +
			"needs a screen)"));
		assertFalse(run.stdout, run.stdout.contains("after the failure"));
	}

	@Test
	public void runningOutOfMemoryInACommandNamesItAndSuggestsAHeap() throws Exception {
		// Two 16-bit stacks of 100 slices of 512x512 need 100 MB.
		final ImageJBatch.Run run = ImageJBatch.run("run('Synthetic CT Phantoms', 'slices=100 seed=1 size=512');\n" +
			"print('after the failure');\n", Collections.singletonMap("JAVA_OPTS", "-Xmx48m"));
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.contains("imagej-batch: Synthetic CT Phantoms ran out of memory (Java " +
			"may use at most "));
		assertTrue(run.stderr, run.stderr.contains("JAVA_OPTS=-Xmx4g bin/imagej-batch"));
		assertFalse(run.stdout, run.stdout.contains("after the failure"));
	}

	@Test
	public void runningOutOfMemoryInTheMacroNamesItsLine() throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run("print('start');\na = newArray(100000000);\nprint('after');\n",
			Collections.singletonMap("JAVA_OPTS", "-Xmx48m"));
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.matches("(?s).*imagej-batch: \\S+\\.ijm, line 2 ran out of memory.*"));
		assertFalse(run.stdout, run.stdout.contains("after"));
	}

	@Test
	public void aJavaCallThatThrowsFailsTheRunWithItsCause() throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run("call('java.lang.Integer.parseInt', 'x');\nprint('after');\n");
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.matches(
			"(?s).*imagej-batch: \\S+\\.ijm, line 1: java.lang.NumberFormatException: For input string: \"x\".*"));
		assertFalse(run.stdout, run.stdout.contains("after"));
	}

	@Test
	public void aRunWithoutFailuresSucceedsAndKeepsItsOutput() throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run("newImage('a', '8-bit', 8, 8, 1);\nrun('Add Slice');\n" +
			"print('slices ' + nSlices);\n");
		assertEquals(run.toString(), 0, run.exitCode);
		assertEquals("slices 2\n", run.stdout);
	}
}
