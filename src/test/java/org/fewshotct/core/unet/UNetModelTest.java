package org.fewshotct.core.unet;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Model folders are checked before TensorFlow starts, with messages that name the path. */
public class UNetModelTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private File model() throws IOException {
		final File folder = temp.newFolder();
		new UNetModel(folder, UNetSettings.DEFAULT.withEpochs(3), HounsfieldWindow.DEFAULT, 16, 3,
			Collections.singletonMap("trained_on", "TensorFlow")).writeSettings();
		new File(folder, "saved_model").mkdir();
		Files.write(new File(folder, "saved_model/saved_model.pb").toPath(), new byte[] { 1 });
		Files.write(new File(folder, "weka.model").toPath(), new byte[] { 1 });
		return folder;
	}

	@Test
	public void readsWhatItWrote() throws IOException {
		final UNetModel model = UNetModel.read(model());
		assertEquals(UNetSettings.DEFAULT.withEpochs(3), model.settings());
		assertEquals(HounsfieldWindow.DEFAULT, model.window());
		assertEquals(16, model.bitDepth());
		assertEquals(3, model.trainedEpochs());
	}

	@Test
	public void appliesItsWindowInHounsfieldUnitsToCtOfAnyBitDepth() throws IOException {
		final UNetModel model = UNetModel.read(model());
		assertEquals(new IntensityWindow(24, 2024), model.windowFor(new ImagePlus("ct", new ShortProcessor(2, 2))));
		assertEquals(new IntensityWindow(-1000, 1000), model.windowFor(new ImagePlus("ct", new FloatProcessor(2, 2))));
		assertEquals(new IntensityWindow(0, 255), model.windowFor(new ImagePlus("ct", new ByteProcessor(2, 2))));
	}

	@Test
	public void readsTheRawWindowOfVersion1AsHounsfieldUnits() throws IOException {
		final File folder = model();
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=1", "window_min=-1000.0",
			"window_min=24.0", "window_max=1000.0", "window_max=2024.0", "window_units=HU\n", "");
		assertEquals(HounsfieldWindow.DEFAULT, UNetModel.read(folder).window());
	}

	@Test
	public void aModelWrittenBeforeDomeSeedsKeepsItsThresholdedSeeds() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().markerDynamic() > 0);
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=2", "decoder.marker_dynamic=",
			"former.marker_dynamic=");
		assertEquals(0, UNetModel.read(folder).settings().decoder().markerDynamic(), 0);
	}

	@Test
	public void aModelWrittenBeforeFatPlanesDoesNotSplitAlongThem() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().splitFatPlanes());
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=4",
			"decoder.split_fat_planes=true\n", "");
		assertFalse(UNetModel.read(folder).settings().decoder().splitFatPlanes());
	}

	@Test
	public void aModelWrittenBeforeDarkerRegionsDoesNotCarveThem() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().splitDarkerRegions());
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=5",
			"decoder.split_darker_regions=true\n", "");
		assertFalse(UNetModel.read(folder).settings().decoder().splitDarkerRegions());
		assertTrue(UNetModel.read(folder).settings().decoder().splitFatPlanes());
	}

	@Test
	public void aModelWrittenBeforeAirRegionsAndBonePiecesDecodesAsBefore() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().keepAirRegionsWhole());
		assertTrue(UNetModel.read(folder).settings().decoder().joinBonePieces());
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=6",
			"decoder.keep_air_regions_whole=true\n", "", "decoder.join_bone_pieces=true\n", "",
			"decoder.split_small_darker_regions=true\n", "", "decoder.join_touching_bones=true\n", "");
		assertFalse(UNetModel.read(folder).settings().decoder().keepAirRegionsWhole());
		assertFalse(UNetModel.read(folder).settings().decoder().joinBonePieces());
		assertTrue(UNetModel.read(folder).settings().decoder().splitDarkerRegions());
	}

	@Test
	public void aModelWrittenBeforeSmallLesionsDoesNotCarveThem() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().splitSmallDarkerRegions());
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=7",
			"decoder.split_small_darker_regions=true\n", "", "decoder.join_touching_bones=true\n", "");
		assertFalse(UNetModel.read(folder).settings().decoder().splitSmallDarkerRegions());
		assertTrue(UNetModel.read(folder).settings().decoder().splitDarkerRegions());
		assertTrue(UNetModel.read(folder).settings().decoder().joinBonePieces());
	}

	@Test
	public void aModelWrittenBeforeTouchingBonesDoesNotJoinThem() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().joinTouchingBones());
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=8",
			"decoder.join_touching_bones=true\n", "");
		assertFalse(UNetModel.read(folder).settings().decoder().joinTouchingBones());
		assertTrue(UNetModel.read(folder).settings().decoder().joinBonePieces());
		assertTrue(UNetModel.read(folder).settings().decoder().splitSmallDarkerRegions());
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

		final File unblended = model();
		Files.delete(new File(unblended, "weka.model").toPath());
		assertRefused(() -> UNetModel.read(unblended), "The U-Net model " + unblended +
			" is incomplete: weka.model is missing (weka_weight=0.25; 0 segments with the network alone)");
	}

	@Test
	public void aModelWrittenBeforeBoneInSoftTissueDoesNotCarveIt() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().splitBoneFromSoftTissue());
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=9",
			"decoder.split_bone_from_soft_tissue=true\n", "");
		assertFalse(UNetModel.read(folder).settings().decoder().splitBoneFromSoftTissue());
		assertTrue(UNetModel.read(folder).settings().decoder().joinTouchingBones());
	}

	@Test
	public void aModelWrittenBeforeGrownDarkerRegionsAndTheCortexSettingDecodesAsBefore() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().growDarkerRegions());
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=10",
			"decoder.grow_darker_regions=true\n", "");
		assertFalse(UNetModel.read(folder).settings().decoder().growDarkerRegions());
		assertEquals(300, UNetModel.read(folder).settings().decoder().cortexHu(), 0);
		rewrite(new File(folder, "unet.properties"), "decoder.cortex_hu=300.0\n", "");
		assertEquals("cortex as before", 400, UNetModel.read(folder).settings().decoder().cortexHu(), 0);
		assertTrue(UNetModel.read(folder).settings().decoder().splitBoneFromSoftTissue());
	}

	@Test
	public void aModelWrittenBeforeIntensityPopulationsDoesNotPartThem() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().splitIntensityPopulations());
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=11",
			"decoder.split_intensity_populations=true\n", "");
		assertFalse(UNetModel.read(folder).settings().decoder().splitIntensityPopulations());
		assertTrue(UNetModel.read(folder).settings().decoder().growDarkerRegions());
	}

	@Test
	public void aModelWrittenBeforeShallowSplitsDoesNotJoinThem() throws IOException {
		final File folder = model();
		assertTrue(UNetModel.read(folder).settings().decoder().joinShallowSplits());
		rewrite(new File(folder, "unet.properties"), "format_version=13", "format_version=12",
			"decoder.join_shallow_splits=true\n", "");
		assertFalse(UNetModel.read(folder).settings().decoder().joinShallowSplits());
		assertTrue(UNetModel.read(folder).settings().decoder().splitIntensityPopulations());
	}

	@Test
	public void refusesDamagedOrNewerSettings() throws IOException {
		final File model = model();
		final File settings = new File(model, "unet.properties");
		final String text = new String(Files.readAllBytes(settings.toPath()), StandardCharsets.UTF_8);
		rewrite(settings, "format_version=13", "format_version=14");
		assertRefused(() -> UNetModel.read(model), "The U-Net model " + model + " has format version 14");
		Files.write(settings.toPath(), text.replace("window_max=", "window_max=x").getBytes(StandardCharsets.UTF_8));
		assertRefused(() -> UNetModel.read(model), "The U-Net model description " + settings + " is damaged");
		Files.write(settings.toPath(), text.replace("\ndepth=" + UNetSettings.DEFAULT.depth(), "\ndepth=40").getBytes(
			StandardCharsets.UTF_8));
		assertRefused(() -> UNetModel.read(model), "The U-Net model " + model + " is damaged: depth must be 1..6");
		Files.write(settings.toPath(), "format=weka\n".getBytes(StandardCharsets.UTF_8));
		assertRefused(() -> UNetModel.read(model), settings + " is not a U-Net model description");
	}

	/** Replaces texts in a file: from, to, from, to... */
	private static void rewrite(final File file, final String... fromTo) throws IOException {
		String text = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
		for (int i = 0; i < fromTo.length; i += 2)
			text = text.replace(fromTo[i], fromTo[i + 1]);
		Files.write(file.toPath(), text.getBytes(StandardCharsets.UTF_8));
	}
}
