package org.fewshotct.command;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;

import org.fewshotct.testing.ImageJBatch;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Train U-Net and Segment with U-Net as batch users run them: macros through bin/imagej-batch. */
public class UNetMacroTest {

	/** Four 64x64 phantom slices, and a U-Net trained on them for a few steps. */
	public static String trainAndSegment(final File model) {
		return "run('Synthetic CT Phantoms', 'slices=4 seed=3 size=64');\n" +
			"run('Train U-Net', 'ct=phantom-ct labels=phantom-labels model=[" + path(model) +
			"] epochs=2 batch=2 tile=32 seed=5 validation=0.25');\n" +
			"run('Segment with U-Net', 'ct=phantom-ct model=[" + path(model) + "] batch=3');\n" +
			"print('segmented ' + getTitle() + ' ' + nSlices + ' ' + getWidth() + ' ' + bitDepth());\n";
	}

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void trainsAModelFolderAndSegmentsWithIt() throws Exception {
		final File model = new File(temp.getRoot(), "phantoms.unet");
		final ImageJBatch.Run run = ImageJBatch.run(trainAndSegment(model));
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("segmented phantom-ct-unet 4 64 16"));
		assertTrue(run.stdout, run.stdout.contains("U-Net: training on TensorFlow"));
		assertTrue(run.stdout, run.stdout.contains("Train U-Net: 2 epochs, loss"));
		for (final String name : new String[] { "unet.properties", "saved_model/saved_model.pb", "loss.png", "loss.csv",
			"checkpoint/state.properties" })
			assertTrue(name, new File(model, name).isFile());
	}

	@Test
	public void learnsFromUnlabelledSlicesGivenByTitle() throws Exception {
		final File model = new File(temp.getRoot(), "semi.unet");
		final ImageJBatch.Run run = ImageJBatch.run("run('Synthetic CT Phantoms', 'slices=2 seed=8 size=64');\n" +
			"selectImage('phantom-ct'); rename('raw-ct'); close('phantom-labels');\n" +
			"run('Synthetic CT Phantoms', 'slices=4 seed=3 size=64');\n" +
			"run('Train U-Net', 'ct=phantom-ct labels=phantom-labels unlabelled=raw-ct model=[" + path(model) +
			"] epochs=2 batch=2 tile=32 seed=5 validation=0.25');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("4 slices, 0 for validation, 2 unlabelled"));
		assertTrue(run.stdout, run.stdout.contains("U-Net: pseudo-labels on 2 unlabelled slices"));
		assertTrue(new File(model, "unet.properties").isFile());
	}

	@Test
	public void refusesBadInputsWithTheirReason() throws Exception {
		final String phantoms = "run('Synthetic CT Phantoms', 'slices=2 seed=3 size=64');\n";
		final File corrupt = temp.newFolder("corrupt.unet");
		Files.write(new File(corrupt, "unet.properties").toPath(), ("format=few-shot-ct-unet\nformat_version=1\n" +
			"window_min=24\nwindow_max=2024\nbit_depth=16\n").getBytes("UTF-8"));
		new File(corrupt, "saved_model").mkdir();
		Files.write(new File(corrupt, "saved_model/saved_model.pb").toPath(), "not a model".getBytes("UTF-8"));
		assertFails(phantoms + "run('Segment with U-Net', 'ct=phantom-ct model=[" + path(corrupt) + "]');",
			"The U-Net model " + corrupt + " is damaged: TensorFlow cannot load its saved_model");

		final File photos = temp.newFolder("photos");
		Files.write(new File(photos, "holiday.jpg").toPath(), new byte[] { 1 });
		assertFails(phantoms + "run('Train U-Net', 'ct=phantom-ct labels=phantom-labels model=[" + path(photos) +
			"]');", "The U-Net model folder " + photos + " already holds other files");
		assertEquals(1, photos.list().length);

		assertFails(phantoms + phantoms + "run('Train U-Net', 'ct=phantom-ct labels=phantom-labels " +
			"unlabelled=phantom-labels-1 model=[" + path(new File(temp.getRoot(), "refused.unet")) + "]');",
			"The unlabelled CT 'phantom-labels-1' looks like a label image");
	}

	private static void assertFails(final String macro, final String messagePart) throws Exception {
		final ImageJBatch.Run run = ImageJBatch.run(macro);
		assertEquals(run.toString(), 1, run.exitCode);
		assertTrue(run.toString(), run.stderr.contains(messagePart));
		assertFalse("no stack trace for a user error", run.stderr.contains("\tat "));
	}
}
