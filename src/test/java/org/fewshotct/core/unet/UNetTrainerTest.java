package org.fewshotct.core.unet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.metric.StackRandIndex;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.testing.CancelAfter;
import org.fewshotct.testing.CtStacks;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Trains small U-Nets on 128x128 phantoms in this JVM (TensorFlow in its own class loader). */
public class UNetTrainerTest {

	/** 128x128 phantoms hold structures of a sixteenth of their area at 512x512: smaller seeds count. */
	private static final UNetSettings TINY = UNetSettings.DEFAULT.withDepth(3).withTile(64).withBatch(4)
		.withLearningRate(3e-3).withValidation(0.25).withDecoder(UNetSettings.DEFAULT.decoder().withMinMarkerArea(5));

	private static PhantomStacks phantoms(final int slices, final long seed) {
		return new PhantomGenerator(new PhantomSettings(slices, seed, 128)).stacks(2, Progress.NONE);
	}

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void lossGoesDownAndTheModelSegmentsUnseenSlices() throws Exception {
		// Three validation slices, the fewest that are held out, and three to train on.
		final PhantomStacks training = phantoms(6, 1);
		final File folder = new File(temp.getRoot(), "phantoms.unet");
		final LossHistory history = new UNetTrainer(TINY.withEpochs(30).withValidation(0.5)).withThreads(2).train(
			training.ct(), training.labels(), folder, Progress.NONE, UNetTrainer.Listener.NONE).history;
		assertEquals(30, history.epochs());
		assertTrue("training loss " + history.training(), mean(history.training(), 25, 30) < 0.85 * mean(history
			.training(), 0, 5));
		assertTrue("validation loss " + history.validation(), mean(history.validation(), 25, 30) < 0.7 * mean(history
			.validation(), 0, 5));

		final PhantomStacks unseen = phantoms(2, 2);
		try (UNetSegmenter segmenter = UNetSegmenter.load(folder)) {
			final ImagePlus labels = segmenter.segment(unseen.ct(), Progress.NONE);
			assertEquals(unseen.ct().getTitle() + "-unet", labels.getTitle());
			assertEquals(16, labels.getBitDepth());
			assertEquals(2, labels.getStackSize());
			assertEquals(unseen.ct().getStack().getSliceLabel(2), labels.getStack().getSliceLabel(2));
			// far better than trivial (one label for everything scores 0)
			final double ari = StackRandIndex.meanAdjusted(StackRandIndex.score(unseen.labels(), labels, 1, Progress.NONE));
			assertTrue("mean ARI " + ari, ari > 0.2);
			assertTrue(segmenter.device(), segmenter.device().endsWith(
				"mirrored 4x, input scales 1.0x 1.25x, blended with a Weka forest (0.25), shallow splits joined where no " +
					"boundary runs, split along fat planes, darker " +
					"regions and small lesions carved out to their edge, organs of different density parted, air regions " +
					"(lungs) kept whole, bone carved out of soft tissue, bone pieces and touching bones joined (cortex above " +
					"300 HU)"));
			final ImagePlus fromDicom = segmenter.segment(CtStacks.calibratedAsDicom(unseen.ct()), Progress.NONE);
			assertArrayEquals("the same HU", (short[]) labels.getStack().getPixels(1), (short[]) fromDicom.getStack()
				.getPixels(1));
			CtStacks.assertCalibratedLikeTheCtButNotInHu(fromDicom);
		}
		// the blend's forest is a Weka model file that Apply Weka Few-Shot reads too
		final ImagePlus fromForest = WekaSegmenter.load(new File(folder, UNetModel.WEKA_MODEL)).segment(unseen.ct(),
			Progress.NONE);
		assertTrue("the forest alone finds structures", StackRandIndex.meanAdjusted(StackRandIndex.score(unseen.labels(),
			fromForest, 1, Progress.NONE)) > 0.2);
		// mirror=false, scales=1 and weka_weight=0 in unet.properties: the plain network, ten times faster
		final File properties = new File(folder, UNetModel.SETTINGS);
		final Map<String, String> settings = PropertiesFile.read(properties);
		settings.put("mirror", "false");
		settings.put("scales", "1");
		settings.put("weka_weight", "0");
		PropertiesFile.write(properties, "edited", settings);
		try (UNetSegmenter segmenter = UNetSegmenter.load(folder)) {
			assertTrue(segmenter.device(), !segmenter.device().contains("mirrored") && !segmenter.device().contains(
				"scales") && !segmenter.device().contains("Weka"));
		}
	}

	@Test
	public void aCancelledTrainingResumesWhereItStopped() throws Exception {
		final PhantomStacks training = phantoms(3, 4);
		final UNetTrainer trainer = new UNetTrainer(TINY.withEpochs(4)).withThreads(2);
		final UNetTrainer.Result straightRun = trainer.train(training.ct(), training.labels(), new File(temp.getRoot(),
			"a"), Progress.NONE, UNetTrainer.Listener.NONE);
		final List<Double> straight = straightRun.history.training();

		final File folder = new File(temp.getRoot(), "b");
		final int steps = (int) (straightRun.tiles / TINY.batch() / trainer.settings().epochs());
		try {
			trainer.train(training.ct(), training.labels(), folder, new CancelAfter(2 * steps + 1), UNetTrainer.Listener.NONE);
			fail("not cancelled");
		}
		catch (final CancelledException e) {
			try {
				UNetModel.read(folder);
				fail("an unfinished model reads as a model");
			}
			catch (final UserInputException unfinished) {
				assertTrue(unfinished.getMessage(), unfinished.getMessage().contains("Run Train U-Net again"));
			}
		}
		final UNetTrainer.Result resumed = trainer.train(training.ct(), training.labels(), folder, Progress.NONE,
			UNetTrainer.Listener.NONE);
		assertEquals(2, resumed.epochsRun);
		// The two epochs before the cancel are kept, and the last two continue from their weights and optimiser
		// state: a resume from fresh weights would repeat epochs 1-2's losses, 0.1 or more above epochs 3-4's.
		assertEquals("epochs in the history: " + resumed.history.training(), 4, resumed.history.training().size());
		TrainingNoise.assertSameEpochs(straight, resumed.history.training(), 4);
		assertEquals(4, UNetModel.read(folder).trainedEpochs());
	}

	@Test
	public void aModelTrainedBeforeADecoderStepGainsItWhenTrainedAgainWithNothingLeftToTrain() throws Exception {
		final PhantomStacks training = phantoms(3, 5);
		final UNetTrainer trainer = new UNetTrainer(TINY.withEpochs(1)).withThreads(2);
		final File folder = new File(temp.getRoot(), "older.unet");
		trainer.train(training.ct(), training.labels(), folder, Progress.NONE, UNetTrainer.Listener.NONE);
		// as an older Few-Shot CT wrote it: no key for the newest step, and a step a user switched off by hand
		final File properties = new File(folder, UNetModel.SETTINGS);
		final Map<String, String> older = PropertiesFile.read(properties);
		older.put("format_version", "12");
		older.remove("decoder.join_shallow_splits");
		older.put("decoder.split_bone_from_soft_tissue", "false");
		final String threshold = older.get("decoder.marker_threshold");
		PropertiesFile.write(properties, "older", older);
		assertTrue(!UNetModel.read(folder).settings().decoder().joinShallowSplits());

		final List<String> messages = new ArrayList<>();
		final UNetTrainer.Result again = trainer.train(training.ct(), training.labels(), folder, Progress.NONE,
			collecting(messages));
		assertEquals(0, again.epochsRun);
		assertTrue(messages.toString(), messages.get(0).endsWith("its decoder gains the settings added since it was " +
			"trained: decoder.join_shallow_splits=true"));
		final UNetModel model = UNetModel.read(folder);
		assertTrue("the new step, as this version's settings have it", model.settings().decoder().joinShallowSplits());
		assertTrue("the user's edit stays", !model.settings().decoder().splitBoneFromSoftTissue());
		final Map<String, String> now = PropertiesFile.read(properties);
		assertEquals("the tuned decoder stays", threshold, now.get("decoder.marker_threshold"));
		assertEquals(Integer.toString(UNetModel.VERSION), now.get("format_version"));

		messages.clear();
		trainer.train(training.ct(), training.labels(), folder, Progress.NONE, collecting(messages));
		assertTrue(messages.toString(), messages.get(0).endsWith("nothing to do"));
	}

	/** A listener that keeps the log's lines in {@code messages}. */
	private static UNetTrainer.Listener collecting(final List<String> messages) {
		return new UNetTrainer.Listener() {

			@Override
			public void message(final String text) {
				messages.add(text);
			}
		};
	}

	@Test
	public void oneValidationSliceTrainsInsteadWithTheDefaultDecoderAndThreePickOne() throws Exception {
		final List<String> few = new ArrayList<>();
		final UNetModel fewModel = train(phantoms(4, 6), 0.25, few);
		assertTrue(few.toString(), few.stream().anyMatch(m -> m.contains("1 validation slice(s) would be too few")));
		assertTrue(few.toString(), few.stream().anyMatch(m -> m.contains("4 slices, 0 for validation")));
		assertTrue(few.toString(), few.stream().noneMatch(m -> m.contains("validation ARI by marker dynamic")));
		assertEquals(TINY.decoder(), fewModel.settings().decoder());
		assertEquals("4", PropertiesFile.read(new File(fewModel.folder(), UNetModel.SETTINGS)).get("training_slices"));

		final List<String> enough = new ArrayList<>();
		train(phantoms(6, 6), 0.5, enough);
		assertTrue(enough.toString(), enough.stream().noneMatch(m -> m.contains("too few")));
		assertTrue(enough.toString(), enough.stream().anyMatch(m -> m.contains("validation ARI by marker dynamic")));
	}

	/** The model of a two-epoch training with this validation fraction; its log lines go to {@code messages}. */
	private UNetModel train(final PhantomStacks training, final double validation, final List<String> messages)
		throws Exception
	{
		return new UNetTrainer(TINY.withValidation(validation).withEpochs(2)).withThreads(2).train(training.ct(),
			training.labels(), temp.newFolder(), Progress.NONE, collecting(messages)).model;
	}

	private static double mean(final List<Double> values, final int from, final int to) {
		double sum = 0;
		for (int i = from; i < to; i++)
			sum += values.get(i);
		return sum / (to - from);
	}
}
