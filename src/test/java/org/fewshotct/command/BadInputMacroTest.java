package org.fewshotct.command;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.fewshotct.core.Progress;
import org.fewshotct.core.io.ChallengeCsvWriter;
import org.fewshotct.core.io.FolderOutput;
import org.fewshotct.core.io.GrayPng;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.testing.ImageJBatch;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Bad input through bin/imagej-batch, as batch users meet it: refused with the real cause, nothing lost. */
public class BadInputMacroTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private static final String PHANTOMS = "run('Synthetic CT Phantoms', 'slices=3 seed=5 size=64');\n";

	@Test
	public void everyWriterRefusesAFileAnOpenImageWasReadFrom() throws Exception {
		final PhantomStacks phantom = new PhantomGenerator(new PhantomSettings(1, 5, 64)).stacks(1, Progress.NONE);
		final File csv = new File(temp.getRoot(), "y.csv");
		ChallengeCsvWriter.write(phantom.labels(), csv, 1, Progress.NONE);
		final File slice = new File(temp.getRoot(), "slice.png");
		GrayPng.write(phantom.ct().getProcessor(), slice);
		final byte[] csvBytes = Files.readAllBytes(csv.toPath());
		final byte[] sliceBytes = Files.readAllBytes(slice.toPath());
		final String open = "open('" + path(slice) + "'); ct = getTitle();\n" +
			"run('Import Challenge Labels', 'csv=[" + path(csv) + "]'); labels = getTitle();\n";
		final String train = "run('Train Weka Few-Shot', 'ct=' + ct + ' labels=' + labels + ' trees=2 samples=20 " +
			"features=original ";

		assertRefused(open + "run('Duplicate...', 'title=prediction');\n" + "run('Rand Index', 'truth=' + labels + " +
			"' prediction=prediction table_file=[" + path(csv) + "]');", "it would overwrite the input 'y' read from " + csv);
		assertRefused(open + train + "model=[" + path(slice) + "]');", "it would overwrite the input 'slice.png'");
		assertRefused(open + train + "model=[" + path(new File(temp.getRoot(), "m.weka")) + "] arff=[" + path(csv) +
			"]');", "it would overwrite the input 'y'");
		assertRefused(open + "selectImage(labels); setMetadata('Label', 'slice.png');\n" +
			"run('Save Label Slices', 'labels=' + labels + ' folder=[" + path(temp.getRoot()) + "]');",
			"it would overwrite the input 'slice.png'");
		assertArrayEquals(csvBytes, Files.readAllBytes(csv.toPath()));
		assertArrayEquals(sliceBytes, Files.readAllBytes(slice.toPath()));
		assertFalse(new File(temp.getRoot(), "m.weka").exists());
	}

	@Test
	public void exportRefusesAWriteProtectedFileAndACtGivenAsLabels() throws Exception {
		final File protectedCsv = temp.newFile("protected.csv");
		Files.write(protectedCsv.toPath(), "kept".getBytes(StandardCharsets.UTF_8));
		Files.setPosixFilePermissions(protectedCsv.toPath(), PosixFilePermissions.fromString("r--r--r--"));
		assertRefused(PHANTOMS + "run('Export Challenge Labels', 'labels=phantom-labels csv=[" + path(protectedCsv) +
			"]');", protectedCsv + " is write-protected");
		assertEquals("kept", new String(Files.readAllBytes(protectedCsv.toPath()), StandardCharsets.UTF_8));
		final File csv = new File(temp.getRoot(), "labels.csv");
		assertRefused(PHANTOMS + "run('Export Challenge Labels', 'labels=phantom-ct csv=[" + path(csv) + "]');",
			"The label image 'phantom-ct' looks like a CT, not a label image");
		assertFalse(csv.exists());
	}

	@Test
	public void aTextFileNamedPngIsRefusedByNameWithoutImageJsUnsupportedFormat() throws Exception {
		final File folder = temp.newFolder("slices");
		final File fake = new File(folder, "fake.png");
		Files.write(fake.toPath(), "not an image\n".getBytes(StandardCharsets.UTF_8));
		final ImageJBatch.Run run = assertRefused("run('Open CT Slices', 'folder=[" + path(folder) + "]');",
			"The slice file " + fake + " is not a PNG image: its content is text");
		assertFalse(run.toString(), run.toString().contains("Unsupported format"));
	}

	@Test
	public void savedLabelSlicesAreCompleteAndWhatAKilledRunLeftIsRemoved() throws Exception {
		final File folder = temp.newFolder("labels");
		final File[] leftovers = { new File(folder, FolderOutput.MARKER), new File(folder, ".0.png.partial-7.png"),
			new File(folder, ".1.png.partial-8") };
		for (final File leftover : leftovers)
			assertTrue(leftover.createNewFile());
		final ImageJBatch.Run run = ImageJBatch.run(PHANTOMS + "run('Save Label Slices', 'labels=phantom-labels " +
			"folder=[" + path(folder) + "]');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		final String[] names = folder.list();
		Arrays.sort(names);
		assertEquals(Arrays.toString(names), 3, names.length);
		for (final String name : names)
			assertTrue(name, name.endsWith(".png") && !name.startsWith("."));
	}

	private static ImageJBatch.Run assertRefused(final String macro, final String messagePart) throws IOException,
		InterruptedException
	{
		final ImageJBatch.Run run = ImageJBatch.run(macro + "\nprint('after the refusal');\n");
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.toString(), run.stderr.contains(messagePart));
		assertFalse(run.toString(), run.stdout.contains("after the refusal"));
		assertFalse("no stack trace for a user error: " + run, run.stderr.contains("\tat "));
		return run;
	}
}
