package org.fewshotct.command;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fewshotct.core.compare.ComparisonReport;
import org.fewshotct.testing.BlockLabels;
import org.fewshotct.testing.CtStacks;
import org.fewshotct.testing.ImageJBatch;
import org.fewshotct.testing.TestStacks;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Compare Methods as batch users run it: macros/compare-methods.ijm and the command through bin/imagej-batch. */
public class CompareMethodsMacroTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private File ctFolder;
	private File truthFolder;

	@Before
	public void slices() throws Exception {
		final ImagePlus truth = BlockLabels.truth(3);
		ctFolder = temp.newFolder("ct");
		truthFolder = temp.newFolder("labels");
		TestStacks.savePngs(CtStacks.under(truth, 3), ctFolder);
		TestStacks.savePngs(truth, truthFolder);
	}

	@Test
	public void theMacroWritesAReportWhoseNumbersAreTheRandIndexCommands() throws Exception {
		final File out = new File(temp.getRoot(), "out");
		final File randIndex = new File(temp.getRoot(), "ri.csv");
		final ImageJBatch.Run run = ImageJBatch.run("runMacro('" + path(new File("macros/compare-methods.ijm")) +
			"', 'ct=[" + path(ctFolder) + "] truth=[" + path(truthFolder) + "] output=[" + path(out) + "]');\n" +
			"selectImage('ct-compare');\n" +
			"print('montage ' + nSlices + ' ' + getWidth() + 'x' + getHeight() + ' ' + bitDepth());\n" +
			"run('Sobel Watershed Baseline', 'ct=ct');\n" +
			"run('Rand Index', 'truth=labels prediction=ct-baseline table_file=[" + path(randIndex) + "]');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		// CT | truth | baseline over a row of error views: 3 columns of 40 and 2 rows of 32, with captions and gaps.
		assertTrue(run.stdout, run.stdout.contains("montage 3 124x100 24"));
		final List<String> compared = Files.readAllLines(new File(out, ComparisonReport.CSV).toPath());
		final List<String> scored = Files.readAllLines(randIndex.toPath());
		assertEquals("Slice,truth structures,baseline ARI,baseline structures,baseline s/slice", compared.get(0));
		assertEquals("Slice,ARI,RI,Truth structures,Predicted structures", scored.get(0));
		assertEquals(3 + 3 + 1, compared.size());
		for (int s = 1; s <= 3; s++) {
			final String[] ours = compared.get(s).split(",");
			final String[] theirs = scored.get(s).split(",");
			assertEquals(theirs[0], ours[0]);
			assertEquals("slice " + s, theirs[1], ours[2]);
			assertEquals("slice " + s, theirs[3], ours[1]);
		}
		assertEquals(meanAri(run.stdout, "Compare Methods: baseline mean ARI "), meanAri(run.stdout,
			"Rand Index: mean ARI "));
		for (final String file : new String[] { ComparisonReport.HTML, ComparisonReport.PLOT, "montage/slice-003.png" })
			assertTrue(file, new File(out, file).isFile());
		final String html = new String(Files.readAllBytes(new File(out, ComparisonReport.HTML).toPath()),
			StandardCharsets.UTF_8);
		assertTrue(html, html.contains("<img src=\"plot.png\""));
	}

	@Test
	public void refusesBadInputsWithTheirMessagesAndWritesNothing() throws Exception {
		final File two = temp.newFolder("two");
		TestStacks.savePngs(BlockLabels.truth(2), two);
		final File out = new File(temp.getRoot(), "out");
		final String open = "run('Open CT Slices', 'folder=[" + path(ctFolder) + "]');\n" +
			"run('Open CT Slices', 'folder=[" + path(two) + "]');\n";
		assertFails(open + "run('Compare Methods', 'ct=ct truth=two baseline=true output=[" + path(out) + "]');",
			"The CT 'ct' has 3 slices but the truth 'two' has 2");
		assertFails(open + "run('Compare Methods', 'ct=ct baseline=true output=[" + path(ctFolder) + "]');",
			"would overwrite the input 'ct'");
		assertFalse(out.exists());
		assertEquals(3, ctFolder.list().length);
	}

	private static String meanAri(final String log, final String prefix) {
		final Matcher m = Pattern.compile(Pattern.quote(prefix) + "([0-9.]+)").matcher(log);
		assertTrue(log, m.find());
		return m.group(1);
	}

	private static void assertFails(final String macro, final String messagePart) throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run(macro);
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.toString(), run.stderr.contains(messagePart));
		assertFalse("no stack trace for a user error", run.stderr.contains("\tat "));
	}
}
