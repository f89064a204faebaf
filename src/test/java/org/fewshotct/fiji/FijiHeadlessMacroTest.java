package org.fewshotct.fiji;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.fewshotct.testing.ImageJBatch;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The suite's macros in modelled Fiji headless mode ({@link FijiHeadless}: a fresh JVM, ImageJ patched for
 * headless use, commands run as SciJava modules): they run unchanged and give what bin/imagej-batch gives.
 */
public class FijiHeadlessMacroTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void trainAndSegmentGivesTheSameSubmissionAsTheBatchLauncher() throws Exception {
		final File fiji = new File(temp.getRoot(), "fiji");
		final File batch = new File(temp.getRoot(), "batch");
		final ImageJBatch.Run inFiji = ImageJBatch.runFile(new File("macros/train-and-segment.ijm"), arguments(fiji),
			fijiHeadless());
		assertEquals(inFiji.toString(), 0, inFiji.exitCode);
		final ImageJBatch.Run inBatch = ImageJBatch.runFile(new File("macros/train-and-segment.ijm"), arguments(batch),
			"bash", "bin/imagej-batch");
		assertEquals(inBatch.toString(), 0, inBatch.exitCode);
		assertArrayEquals(Files.readAllBytes(new File(batch, "labels.csv").toPath()), Files.readAllBytes(new File(fiji,
			"labels.csv").toPath()));
		assertEquals(read(new File(batch, "rand-index.csv")), read(new File(fiji, "rand-index.csv")));
	}

	@Test
	public void compareMethodsWritesItsReport() throws Exception {
		final File output = new File(temp.getRoot(), "compare");
		final ImageJBatch.Run run = ImageJBatch.runFile(new File("macros/compare-methods.ijm"), "ct=[" + path(new File(
			"test-images/test/images")) + "] truth=[" + path(new File("test-images/test/labels")) + "] output=[" + path(
				output) + "]", fijiHeadless());
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(new File(output, "report.html").isFile());
		assertTrue(run.stdout, run.stdout.contains("Compare Methods: baseline mean ARI "));
	}

	@Test
	public void aFailingCommandStopsTheMacroWithTheSuitesMessage() throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run("run('Synthetic CT Phantoms', 'slices=1 size=64');\n" +
			"run('Sobel Watershed Baseline', 'ct=phantom-labels');\nprint('after the failure');\n", "", fijiHeadless());
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.contains("Sobel Watershed Baseline: The CT 'phantom-labels' looks like a " +
			"label image"));
		assertFalse(run.stdout, run.stdout.contains("after the failure"));
		assertFalse("no stack trace:\n" + run, (run.stdout + run.stderr).contains("\tat "));
	}

	@Test
	public void aRefusedKeyStopsTheMacroWithTheSuitesMessage() throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run("run('Synthetic CT Phantoms', 'slices=1 size=64');\n" +
			"run('Sobel Watershed Baseline', 'ct=phantom-ct medain_radius=3');\nprint('after the refusal');\n", "",
			fijiHeadless());
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.contains("Sobel Watershed Baseline has no macro key 'medain_radius='"));
		assertFalse(run.stdout, run.stdout.contains("after the refusal"));
		assertFalse("no stack trace:\n" + run, (run.stdout + run.stderr).contains("\tat "));
	}

	private static String arguments(final File output) {
		return "train=[" + path(new File("test-images/train/images")) + "] labels=[" + path(new File(
			"test-images/train/labels")) + "] test=[" + path(new File("test-images/test/images")) + "] truth=[" + path(
				new File("test-images/test/labels")) + "] method=weka output=[" + path(output) +
			"] options=[trees=8 samples=200]";
	}

	private static String[] fijiHeadless() throws IOException {
		final String classpath = "target/test-classes:target/classes:" + read(new File("target/classpath.txt")).trim();
		return new String[] { "java", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Djava.awt.headless=true", "-cp",
			classpath, FijiHeadless.class.getName() };
	}

	private static String read(final File file) throws IOException {
		return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
	}
}
