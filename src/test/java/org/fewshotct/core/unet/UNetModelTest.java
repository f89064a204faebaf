package org.fewshotct.core.unet;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;

import org.fewshotct.core.IntensityWindow;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Model folders are checked before TensorFlow starts, with messages that name the path. */
public class UNetModelTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private File model() throws IOException {
		final File folder = temp.newFolder("m.unet");
		new UNetModel(folder, UNetSettings.DEFAULT.withEpochs(3), IntensityWindow.hounsfield(-1000, 1000, 16), 16, 3,
			Collections.singletonMap("trained_on", "TensorFlow")).writeSettings();
		new File(folder, "saved_model").mkdir();
		Files.write(new File(folder, "saved_model/saved_model.pb").toPath(), new byte[] { 1 });
		return folder;
	}

	@Test
	public void readsWhatItWrote() throws IOException {
		final UNetModel model = UNetModel.read(model());
		assertEquals(UNetSettings.DEFAULT.withEpochs(3), model.settings());
		assertEquals(new IntensityWindow(24, 2024), model.window());
		assertEquals(16, model.bitDepth());
		assertEquals(3, model.trainedEpochs());
	}

	@Test
	public void movesTheWindowBetween16And32BitButNotTo8Bit() throws IOException {
		final UNetModel model = UNetModel.read(model());
		assertEquals(new IntensityWindow(-1000, 1000), model.windowFor(32, "ct"));
		assertRefused(() -> model.windowFor(8, "ct"), "The CT 'ct' is 8-bit but the U-Net model " + model.folder() +
			" was trained on 16-bit CT");
	}

	@Test
	public void refusesWhatIsNotACompleteModel() throws IOException {
		final File missing = new File(temp.getRoot(), "nothing");
		assertRefused(() -> UNetModel.read(missing), "No U-Net model at " + missing);
		final File file = temp.newFile("file.unet");
		assertRefused(() -> UNetModel.read(file), file + " is a file, not a U-Net model folder");
		final File foreign = temp.newFolder("photos");
		assertRefused(() -> UNetModel.read(foreign), foreign + " is not a U-Net model folder (it has no unet.properties)");
		final File unfinished = temp.newFolder("unfinished");
		new File(unfinished, "checkpoint").mkdir();
		assertRefused(() -> UNetModel.read(unfinished), "The U-Net model " + unfinished + " is not finished");

		final File model = model();
		Files.delete(new File(model, "saved_model/saved_model.pb").toPath());
		assertRefused(() -> UNetModel.read(model), "The U-Net model " + model +
			" is incomplete: saved_model/saved_model.pb is missing");
	}

	@Test
	public void refusesDamagedOrNewerSettings() throws IOException {
		final File model = model();
		final File settings = new File(model, "unet.properties");
		final String text = new String(Files.readAllBytes(settings.toPath()), StandardCharsets.UTF_8);
		Files.write(settings.toPath(), text.replace("format_version=1", "format_version=9").getBytes(
			StandardCharsets.UTF_8));
		assertRefused(() -> UNetModel.read(model), "The U-Net model " + model + " has format version 9");
		Files.write(settings.toPath(), text.replace("window_max=", "window_max=x").getBytes(StandardCharsets.UTF_8));
		assertRefused(() -> UNetModel.read(model), "The U-Net model description " + settings + " is damaged");
		Files.write(settings.toPath(), text.replace("depth=4", "depth=40").getBytes(StandardCharsets.UTF_8));
		assertRefused(() -> UNetModel.read(model), "The U-Net model " + model + " is damaged: depth must be 1..6");
		Files.write(settings.toPath(), "format=weka\n".getBytes(StandardCharsets.UTF_8));
		assertRefused(() -> UNetModel.read(model), settings + " is not a U-Net model description");
	}
}
