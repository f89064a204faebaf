package org.fewshotct.core.weka;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.phantom.PhantomStacks;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The model file: a round trip keeps everything, and wrong or damaged files are refused by name. */
public class WekaModelFileTest {

	@ClassRule
	public static TemporaryFolder temp = new TemporaryFolder();

	private static WekaModel model;
	private static PhantomStacks phantoms;
	private static File saved;

	@BeforeClass
	public static void train() throws IOException {
		phantoms = WekaTrainerTest.phantoms(1, 71);
		model = new WekaTrainer(WekaTrainerTest.QUICK.withDecoder(InstanceDecoder.Settings.DEFAULT.withMarkerThreshold(
			0.6))).train(phantoms.ct(), phantoms.labels(), Progress.NONE);
		saved = temp.newFile("phantom.weka");
		model.save(saved);
	}

	@Test
	public void aSavedModelLoadsWithItsSettingsAndPredictsTheSame() {
		final WekaModel loaded = WekaModel.load(saved);
		assertEquals(model.features(), loaded.features());
		assertEquals(model.scheme(), loaded.scheme());
		assertEquals(model.window(), loaded.window());
		assertEquals(16, loaded.bitDepth());
		assertEquals(0.6, loaded.decoder().markerThreshold(), 0);
		assertEquals(model.training(), loaded.training());
		final float[] unit = WekaTrainerTest.unit(phantoms.ct());
		final int size = WekaTrainerTest.SIZE;
		assertArrayEquals(model.probabilities(unit, size, size), loaded.probabilities(unit, size, size));
	}

	@Test
	public void theSettingsAreReadableText() throws IOException {
		try (ZipFile zip = new ZipFile(saved)) {
			final String text = new String(zip.getInputStream(zip.getEntry(WekaModelFile.SETTINGS)).readAllBytes(),
				StandardCharsets.UTF_8);
			assertTrue(text, text.contains("format=8\n"));
			assertTrue(text, text.contains("features=" + model.features().names() + "\n"));
			assertTrue(text, text.contains("decoder.marker_threshold=0.6\n"));
			assertTrue(text, text.contains("window.min=-1000.0\nwindow.units=HU\n"));
		}
	}

	@Test
	public void refusesMissingWrongDamagedAndNewerFiles() throws IOException {
		assertRefused(new File(temp.getRoot(), "absent.weka"), "No such model file");
		final File png = temp.newFile("slice.png");
		Files.write(png.toPath(), new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4 });
		assertRefused(png, "is not a Few-Shot CT Weka model");
		final File truncated = temp.newFile("truncated.weka");
		final byte[] bytes = Files.readAllBytes(saved.toPath());
		Files.write(truncated.toPath(), Arrays.copyOf(bytes, bytes.length / 2));
		assertRefused(truncated, "truncated.weka");
		assertRefused(rewritten("newer.weka", "format=8", "format=9"), "newer Few-Shot CT (format 9");
		assertRefused(rewritten("unet.weka", "method=weka", "method=unet"), "it is a unet model");
		assertRefused(rewritten("otherfeatures.weka", "features=original,", "features="), "is damaged");
	}

	@Test
	public void readsTheRaw16BitWindowOfFormat1AsHounsfieldUnits() throws IOException {
		assertEquals(new HounsfieldWindow(-1000, 1000), model.window());
		final File format1 = rewritten("format1.weka", "format=8", "format=1", "window.min=-1000.0", "window.min=24.0",
			"window.max=1000.0", "window.max=2024.0", "window.units=HU\n", "");
		assertEquals(new HounsfieldWindow(-1000, 1000), WekaModel.load(format1).window());
	}

	@Test
	public void aModelWrittenBeforeDarkerRegionsDoesNotCarveThem() throws IOException {
		assertTrue(WekaSettings.DEFAULT.decoder().splitDarkerRegions());
		final File carving = temp.newFile("carving.weka");
		model.withDecoder(model.decoder().withSplitDarkerRegions(true)).save(carving);
		assertTrue(WekaModel.load(carving).decoder().splitDarkerRegions());
		final File format2 = rewritten(carving, "format2.weka", "format=8", "format=2",
			"decoder.split_darker_regions=true\n", "");
		assertFalse(WekaModel.load(format2).decoder().splitDarkerRegions());
	}

	@Test
	public void aModelWrittenBeforeBonePiecesDoesNotJoinThem() throws IOException {
		assertTrue(WekaSettings.DEFAULT.decoder().joinBonePieces());
		assertTrue(WekaSettings.DEFAULT.decoder().keepAirRegionsWhole());
		final File joining = temp.newFile("joining.weka");
		model.withDecoder(model.decoder().withSplitDarkerRegions(true).withJoinBonePieces(true)).save(joining);
		assertTrue(WekaModel.load(joining).decoder().joinBonePieces());
		final File format3 = rewritten(joining, "format3.weka", "format=8", "format=3", "decoder.join_bone_pieces=true\n",
			"");
		assertFalse(WekaModel.load(format3).decoder().joinBonePieces());
		assertTrue(WekaModel.load(format3).decoder().splitDarkerRegions());
	}

	@Test
	public void aModelWrittenBeforeSmallLesionsDoesNotCarveThem() throws IOException {
		assertTrue(WekaSettings.DEFAULT.decoder().splitSmallDarkerRegions());
		final File carving = temp.newFile("small.weka");
		model.withDecoder(model.decoder().withSplitDarkerRegions(true).withSplitSmallDarkerRegions(true)).save(carving);
		assertTrue(WekaModel.load(carving).decoder().splitSmallDarkerRegions());
		final File format4 = rewritten(carving, "format4.weka", "format=8", "format=4",
			"decoder.split_small_darker_regions=true\n", "");
		assertFalse(WekaModel.load(format4).decoder().splitSmallDarkerRegions());
		assertTrue(WekaModel.load(format4).decoder().splitDarkerRegions());
	}

	@Test
	public void aModelWrittenBeforeTouchingBonesDoesNotJoinThem() throws IOException {
		assertTrue(WekaSettings.DEFAULT.decoder().joinTouchingBones());
		final File joining = temp.newFile("touching.weka");
		model.withDecoder(model.decoder().withJoinBonePieces(true).withJoinTouchingBones(true)).save(joining);
		assertTrue(WekaModel.load(joining).decoder().joinTouchingBones());
		final File format5 = rewritten(joining, "format5.weka", "format=8", "format=5",
			"decoder.join_touching_bones=true\n", "");
		assertFalse(WekaModel.load(format5).decoder().joinTouchingBones());
		assertTrue(WekaModel.load(format5).decoder().joinBonePieces());
	}

	@Test
	public void aModelWrittenBeforeBoneInSoftTissueDoesNotCarveIt() throws IOException {
		assertTrue(WekaSettings.DEFAULT.decoder().splitBoneFromSoftTissue());
		final File carving = temp.newFile("bone.weka");
		model.withDecoder(model.decoder().withJoinTouchingBones(true).withSplitBoneFromSoftTissue(true)).save(carving);
		assertTrue(WekaModel.load(carving).decoder().splitBoneFromSoftTissue());
		final File format6 = rewritten(carving, "format6.weka", "format=8", "format=6",
			"decoder.split_bone_from_soft_tissue=true\n", "");
		assertFalse(WekaModel.load(format6).decoder().splitBoneFromSoftTissue());
		assertTrue(WekaModel.load(format6).decoder().joinTouchingBones());
	}

	@Test
	public void aModelWrittenBeforeGrownDarkerRegionsAndTheCortexSettingDecodesAsBefore() throws IOException {
		assertTrue(WekaSettings.DEFAULT.decoder().growDarkerRegions());
		assertEquals(300, WekaSettings.DEFAULT.decoder().cortexHu(), 0);
		final File growing = temp.newFile("grow.weka");
		model.withDecoder(model.decoder().withSplitDarkerRegions(true).withGrowDarkerRegions(true).withCortexHu(300))
			.save(growing);
		assertTrue(WekaModel.load(growing).decoder().growDarkerRegions());
		final File format7 = rewritten(growing, "format7.weka", "format=8", "format=7",
			"decoder.grow_darker_regions=true\n", "");
		assertFalse(WekaModel.load(format7).decoder().growDarkerRegions());
		assertEquals("cortex as before", 400, WekaModel.load(rewritten(growing, "format7-cortex.weka", "format=8",
			"format=7", "decoder.cortex_hu=300.0\n", "")).decoder().cortexHu(), 0);
		assertTrue(WekaModel.load(format7).decoder().splitDarkerRegions());
	}

	@Test
	public void aDamagedClassifierIsRefusedWithItsRealCause() throws IOException {
		final byte[] classifier;
		try (ZipFile original = new ZipFile(saved)) {
			classifier = original.getInputStream(original.getEntry(WekaModelFile.CLASSIFIER)).readAllBytes();
		}
		assertRefused(withClassifier("cut.weka", Arrays.copyOf(classifier, classifier.length / 2)),
			"cut.weka is damaged: it ends too early");
	}

	@Test
	public void aFolderIsNoModelFileAndAUNetFolderSaysWhichCommandTakesIt() throws IOException {
		final File folder = temp.newFolder("models");
		assertRefused(folder, "is a folder, not a Weka model file");
		assertTrue(new File(folder, "unet.properties").createNewFile());
		assertRefused(folder, folder + " is a U-Net model folder; use Segment with U-Net");
	}

	@Test
	public void refusesSerializedClassesOutsideWekaAndTheJdk() throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
			objects.writeObject(new Foreign());
		}
		assertRefused(withClassifier("foreign.weka", bytes.toByteArray()), "foreign.weka is damaged");
	}

	/** A model file with the saved model's settings and the given classifier entry. */
	private static File withClassifier(final String name, final byte[] classifier) throws IOException {
		final File file = temp.newFile(name);
		try (OutputStream out = Files.newOutputStream(file.toPath()); ZipOutputStream zip = new ZipOutputStream(out);
			ZipFile original = new ZipFile(saved))
		{
			zip.putNextEntry(new ZipEntry(WekaModelFile.SETTINGS));
			zip.write(original.getInputStream(original.getEntry(WekaModelFile.SETTINGS)).readAllBytes());
			zip.putNextEntry(new ZipEntry(WekaModelFile.CLASSIFIER));
			zip.write(classifier);
		}
		return file;
	}

	/** A serializable class that is neither Weka's nor the JDK's. */
	static final class Foreign implements java.io.Serializable {

		private static final long serialVersionUID = 1L;
	}

	/** A copy of the saved model with texts replaced in its settings: from, to, from, to... */
	private static File rewritten(final String name, final String... fromTo) throws IOException {
		return rewritten(saved, name, fromTo);
	}

	private static File rewritten(final File source, final String name, final String... fromTo) throws IOException {
		final File file = temp.newFile(name);
		try (ZipFile original = new ZipFile(source); OutputStream out = Files.newOutputStream(file.toPath());
			ZipOutputStream zip = new ZipOutputStream(out))
		{
			for (final String entry : new String[] { WekaModelFile.SETTINGS, WekaModelFile.CLASSIFIER }) {
				byte[] content = original.getInputStream(original.getEntry(entry)).readAllBytes();
				if (entry.equals(WekaModelFile.SETTINGS)) {
					String text = new String(content, StandardCharsets.UTF_8);
					for (int i = 0; i < fromTo.length; i += 2)
						text = text.replace(fromTo[i], fromTo[i + 1]);
					content = text.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry));
				zip.write(content);
			}
		}
		return file;
	}

	private static void assertRefused(final File file, final String messagePart) {
		try {
			WekaModel.load(file);
			fail("expected a refusal of " + file);
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
			assertTrue(e.getMessage(), e.getMessage().contains(file.getPath()));
		}
	}
}
