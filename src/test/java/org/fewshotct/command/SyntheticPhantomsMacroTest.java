package org.fewshotct.command;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.testing.ImageJBatch;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Synthetic CT Phantoms as batch users run it, and the macro that makes the embedded test images. */
public class SyntheticPhantomsMacroTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void refusesTinySlicesNamingTheValue() throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run("run('Synthetic CT Phantoms', 'slices=2 seed=1 size=8');\n" +
			"print('after the failure');");
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.toString(), run.stderr.contains("The slice size must be 32 to 4096 pixels, got size=8"));
		assertFalse(run.stdout, run.stdout.contains("after the failure"));
		assertFalse("no stack trace for a user error", run.stderr.contains("\tat "));
	}

	/**
	 * The documented command regenerates exactly the committed test images (which PhantomTestImagesTest holds
	 * to the generator), through the command and Save Label Slices, as a batch user runs them.
	 */
	@Test
	public void makeTestImagesMacroRegeneratesTheCommittedFiles() throws Exception {
		final File out = temp.newFolder("test-images");
		final File log = temp.newFile("log");
		final Process process = new ProcessBuilder("bash", "bin/imagej-batch", "macros/make-test-images.ijm", out
			.getPath()).redirectErrorStream(true).redirectOutput(log).start();
		assertTrue("finished", process.waitFor(5, TimeUnit.MINUTES));
		assertEquals(new String(Files.readAllBytes(log.toPath()), StandardCharsets.UTF_8), 0, process.exitValue());
		for (final String part : new String[] { "train", "test" })
			for (final String kind : new String[] { "images", "labels" })
				assertSameSlices(new File("test-images", part + "/" + kind), new File(out, part + "/" + kind));
	}

	private static void assertSameSlices(final File expected, final File actual) {
		final String[] names = expected.list();
		final String[] made = actual.list();
		Arrays.sort(names);
		Arrays.sort(made);
		assertArrayEquals(names, made);
		for (final String name : names)
			assertArrayEquals(new File(expected, name).getPath(), pixels(new File(expected, name)), pixels(new File(
				actual, name)));
	}

	private static short[] pixels(final File png) {
		return (short[]) SliceFolderReader.readSlice(png).getPixels();
	}
}
