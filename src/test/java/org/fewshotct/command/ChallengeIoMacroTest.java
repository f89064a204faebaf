package org.fewshotct.command;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.fewshotct.core.Progress;
import org.fewshotct.core.io.ChallengeCsvReader;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.testing.ImageJBatch;
import org.fewshotct.testing.TestStacks;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The challenge I/O and Rand Index commands as batch users run them: macros through bin/imagej-batch. */
public class ChallengeIoMacroTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void openScoreExportAndSaveRoundTrip() throws Exception {
		final ImagePlus labels = TestStacks.labels(24, 24, 3, 300, 7);
		final File pngs = temp.newFolder("labels");
		TestStacks.savePngs(labels, pngs);
		final File csv = new File(temp.getRoot(), "out/y.csv");
		final File saved = new File(temp.getRoot(), "saved");
		final File table = new File(temp.getRoot(), "ri.csv");
		final ImageJBatch.Run run = ImageJBatch.run(
			"run('Open CT Slices', 'folder=[" + path(pngs) + "]');\n" +
			"opened = getTitle();\n" +
			"run('Export Challenge Labels', 'labels=' + opened + ' csv=[" + path(csv) + "]');\n" +
			"run('Import Challenge Labels', 'csv=[" + path(csv) + "]');\n" +
			"imported = getTitle();\n" +
			"print('imported ' + imported + ' ' + nSlices + ' ' + getWidth() + ' ' + bitDepth());\n" +
			"run('Rand Index', 'truth=' + opened + ' prediction=' + imported + ' table_file=[" + path(table) + "]');\n" +
			"run('Save Label Slices', 'labels=' + imported + ' folder=[" + path(saved) + "]');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("imported y 3 24 16"));
		assertTrue(run.stdout, run.stdout.contains("mean ARI 1.000000 over 3 slices"));
		final List<String> rows = Files.readAllLines(table.toPath(), StandardCharsets.UTF_8);
		assertEquals("Slice,ARI,RI,Truth structures,Predicted structures", rows.get(0));
		assertEquals(4, rows.size());
		assertTrue(rows.get(1), rows.get(1).startsWith("s0.png,1.000000,1.000000,"));
		final ImagePlus fromCsv = ChallengeCsvReader.read(csv, 0, 0, 1, Progress.NONE);
		final ImagePlus fromSaved = SliceFolderReader.read(saved, Progress.NONE);
		for (int s = 1; s <= 3; s++) {
			assertArrayEquals((short[]) labels.getStack().getPixels(s), (short[]) fromCsv.getStack().getPixels(s));
			assertArrayEquals((short[]) labels.getStack().getPixels(s), (short[]) fromSaved.getStack().getPixels(s));
		}
		assertEquals("s2.png", fromSaved.getStack().getSliceLabel(3));
	}

	@Test
	public void aFailingCommandFailsTheBatchRunWithItsMessage() throws Exception {
		final File missing = new File(temp.getRoot(), "no-such-folder");
		final ImageJBatch.Run run = ImageJBatch.run("run('Open CT Slices', 'folder=[" + path(missing) + "]');\n" +
			"print('after the failure');\n");
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.contains("Not a folder: " + missing.getPath()));
		assertFalse(run.stdout, run.stdout.contains("after the failure"));
		assertFalse("no stack trace for a user error", run.stderr.contains("\tat "));
	}

	@Test
	public void refusesBadInputsWithoutWritingAnything() throws Exception {
		final File pngs = temp.newFolder("labels");
		TestStacks.savePngs(TestStacks.labels(16, 16, 2, 5, 1), pngs);
		final File three = temp.newFolder("three");
		TestStacks.savePngs(TestStacks.labels(16, 16, 3, 5, 2), three);
		final File badCsv = temp.newFile("bad.csv");
		Files.write(badCsv.toPath(), ",0\n0,1\n1,2\n2,3\n".getBytes(StandardCharsets.UTF_8));
		final String open = "run('Open CT Slices', 'folder=[" + path(pngs) + "]'); a = getTitle();\n" +
			"run('Open CT Slices', 'folder=[" + path(three) + "]'); b = getTitle();\n";

		assertFails(open + "run('Rand Index', 'truth=' + a + ' prediction=' + b);", "has 2 slices but the prediction");
		assertFails("run('Import Challenge Labels', 'csv=[" + path(badCsv) + "]');", "bad.csv has 3 pixel rows");
		assertFails(open + "run('Save Label Slices', 'labels=' + b + ' folder=[" + path(pngs) + "]');",
			"would overwrite the input");
		assertFails(open + "run('Rand Index', 'truth=nothing prediction=' + b);", "No open image titled 'nothing'");
		assertEquals(2, pngs.list().length);
	}

	@Test
	public void aMacroSyntaxErrorFailsTheBatchRun() throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run("print('x'\n");
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.stderr, run.stderr.contains("macro error"));
	}

	private static void assertFails(final String macro, final String messagePart) throws IOException,
		InterruptedException
	{
		final ImageJBatch.Run run = ImageJBatch.run(macro);
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.toString(), run.stderr.contains(messagePart));
	}
}
