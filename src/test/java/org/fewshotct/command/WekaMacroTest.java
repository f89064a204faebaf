package org.fewshotct.command;

import static org.fewshotct.testing.ImageJBatch.path;
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

/** Train Weka Few-Shot and Apply Weka Few-Shot as batch users run them: macros through bin/imagej-batch. */
public class WekaMacroTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private static final String PHANTOMS = "run('Synthetic CT Phantoms', 'slices=3 seed=5 size=96');\n";

	@Test
	public void trainsAppliesAndShowsTheProbabilities() throws Exception {
		final File model = new File(temp.getRoot(), "models/phantom.weka");
		final File arff = new File(temp.getRoot(), "samples.arff");
		final ImageJBatch.Run run = ImageJBatch.run(PHANTOMS +
			"run('Train Weka Few-Shot', 'ct=phantom-ct labels=phantom-labels model=[" + path(model) +
			"] trees=4 samples=100 seed=3 boundary=1 features=original,gaussian,hessian arff=[" + path(arff) + "]');\n" +
			"run('Apply Weka Few-Shot', 'ct=phantom-ct model=[" + path(model) + "] probabilities=true');\n" +
			"selectImage('phantom-ct-weka');\n" +
			"print('labels ' + getTitle() + ' ' + nSlices + ' ' + bitDepth());\n" +
			"selectImage('phantom-ct-weka-probabilities');\n" +
			"getDimensions(w, h, channels, slices, frames);\n" +
			"print('probabilities ' + channels + ' ' + slices + ' ' + bitDepth());\n" +
			"run('Rand Index', 'truth=phantom-labels prediction=phantom-ct-weka');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("labels phantom-ct-weka 3 16"));
		assertTrue(run.stdout, run.stdout.contains("probabilities 2 3 32"));
		assertTrue(run.stdout, run.stdout.contains("Train Weka Few-Shot: "));
		assertTrue(model.isFile());
		final String samples = new String(Files.readAllBytes(arff.toPath()), StandardCharsets.UTF_8);
		assertTrue(samples.startsWith("@relation"));
		assertTrue(samples.contains("@attribute class {interior,boundary}"));
	}

	@Test
	public void pairsMasksOfSomeSlicesByNameAndRefusesAnUnknownName() throws Exception {
		final File model = new File(temp.getRoot(), "paired.weka");
		final String twoMasks = PHANTOMS + "rename('ct3'); selectImage('phantom-labels'); rename('labels3');\n" +
			"run('Synthetic CT Phantoms', 'slices=2 seed=5 size=96');\n";
		final ImageJBatch.Run run = ImageJBatch.run(twoMasks + "run('Train Weka Few-Shot', 'ct=ct3 " +
			"labels=phantom-labels model=[" + path(model) + "] trees=4 samples=100 features=original,gaussian');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(model.isFile());
		final File never = new File(temp.getRoot(), "never.weka");
		assertFails(twoMasks + "selectImage('phantom-labels'); setSlice(2); setMetadata('Label', 'elsewhere');\n" +
			"run('Train Weka Few-Shot', 'ct=ct3 labels=phantom-labels model=[" + path(never) + "]');\n",
			"no CT slice is named like label slice 2 ('elsewhere')");
		assertFalse(never.exists());
	}

	@Test
	public void learnsFromUnlabelledSlicesGivenByTitleAndRefusesALabelStackThere() throws Exception {
		final String raw = "run('Synthetic CT Phantoms', 'slices=2 seed=8 size=96');\n" +
			"selectImage('phantom-ct'); rename('raw'); close('phantom-labels');\n";
		final File model = new File(temp.getRoot(), "self-trained.weka");
		final ImageJBatch.Run run = ImageJBatch.run(raw + PHANTOMS + "run('Train Weka Few-Shot', 'ct=phantom-ct " +
			"labels=phantom-labels model=[" + path(model) + "] unlabelled=raw trees=4 samples=100 " +
			"features=original,gaussian');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("of 3 labelled slices and 2 unlabelled slices"));
		assertTrue(model.isFile());
		final File never = new File(temp.getRoot(), "never.weka");
		assertFails(PHANTOMS + PHANTOMS + "run('Train Weka Few-Shot', 'ct=phantom-ct labels=phantom-labels model=[" +
			path(never) + "] unlabelled=phantom-labels-1');\n", "The unlabelled CT 'phantom-labels-1' looks like a label image");
		assertFalse(never.exists());
	}

	@Test
	public void refusesACorruptModelFile() throws Exception {
		final File model = temp.newFile("corrupt.weka");
		Files.write(model.toPath(), "not a model".getBytes(StandardCharsets.UTF_8));
		assertFails(PHANTOMS + "run('Apply Weka Few-Shot', 'ct=phantom-ct model=[" + path(model) + "]');\n",
			"The file " + model.getPath() + " is not a Few-Shot CT Weka model");
	}

	@Test
	public void refusesAnUnknownFeature() throws Exception {
		assertFails(PHANTOMS + "run('Train Weka Few-Shot', 'ct=phantom-ct labels=phantom-labels model=[" + path(new File(
			temp.getRoot(), "x.weka")) + "] features=gaussian,sobel');\n", "Unknown feature 'sobel'; known: original,");
	}

	private static void assertFails(final String macro, final String messagePart) throws IOException,
		InterruptedException
	{
		final ImageJBatch.Run run = ImageJBatch.run(macro);
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.toString(), run.stderr.contains(messagePart));
		assertFalse("no stack trace for a user error", run.stderr.contains("\tat "));
	}
}
