package org.fewshotct.core.unet;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;

import java.io.File;
import java.nio.file.Files;
import java.util.List;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.Progress;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.testing.CancelAfter;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Train U-Net with raw slices without masks ({@code unlabelled=}), on tiny phantoms. */
public class UNetUnlabelledTest {

	private static final UNetSettings TINY = UNetSettings.DEFAULT.withDepth(2).withTile(32).withBatch(2)
		.withWidth(4).withLearningRate(3e-3).withValidation(0.34).withEpochs(4);

	private static PhantomStacks phantoms(final int slices, final long seed) {
		return new PhantomGenerator(new PhantomSettings(slices, seed, 64)).stacks(2, Progress.NONE);
	}

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private final PhantomStacks training = phantoms(3, 4);
	private final ImagePlus raw = phantoms(3, 9).ct();
	private final UNetTrainer trainer = new UNetTrainer(TINY).withThreads(1); // one thread: sums in the same order every run

	@Test
	public void unlabelledSlicesChangeWhatIsLearnedFromHalfWayOn() throws Exception {
		final List<Double> supervised = train(null, "supervised");
		final StringBuilder log = new StringBuilder();
		final List<Double> semi = trainer.train(training.ct(), training.labels(), raw, new File(temp.getRoot(), "semi"),
			Progress.NONE, new UNetTrainer.Listener() {

				@Override
				public void message(final String text) {
					log.append(text).append('\n');
				}
			}).history.training();
		final java.util.regex.Matcher confident = java.util.regex.Pattern.compile(
			"pseudo-labels on 3 unlabelled slices, ([0-9.]+) % of their pixels teach").matcher(log);
		assertTrue(log.toString(), confident.find());
		assertTrue("the teacher is sure of some pixels: " + log, Double.parseDouble(confident.group(1)) > 10);
		// Epochs 1-2 train the teacher on the labelled slices alone; from epoch 3 every second tile is pseudo-labelled.
		// "The same" is within the float-order noise and "changed" is beyond twice that by the last epoch, as the
		// changes add up (epoch 3 measured 0.014-0.036 apart, epoch 4 0.106-0.116).
		TrainingNoise.assertSameEpochs(supervised, semi, 2);
		assertTrue("epoch 4: " + supervised + " vs " + semi, Math.abs(supervised.get(3) - semi.get(3)) > 2
			* TrainingNoise.LOSS);
		assertEquals("3", PropertiesFile.read(new File(temp.getRoot(), "semi/" + UNetModel.SETTINGS)).get(
			"unlabelled_slices"));
	}

	@Test
	public void aCancelledTrainingWithUnlabelledSlicesResumesWhereItStopped() throws Exception {
		final UNetTrainer.Result straight = trainer.train(training.ct(), training.labels(), raw, new File(temp
			.getRoot(), "straight"), Progress.NONE, UNetTrainer.Listener.NONE);
		final File folder = new File(temp.getRoot(), "resumed");
		final int steps = (int) (straight.tiles / TINY.batch() / TINY.epochs());
		try {
			trainer.train(training.ct(), training.labels(), raw, folder, new CancelAfter(3 * steps + 1),
				UNetTrainer.Listener.NONE);
			fail("not cancelled");
		}
		catch (final CancelledException e) {
			// cancelled in epoch 4, after the pseudo-labels were made
		}
		final UNetTrainer.Result resumed = trainer.train(training.ct(), training.labels(), raw, folder, Progress.NONE,
			UNetTrainer.Listener.NONE);
		assertEquals(1, resumed.epochsRun);
		final List<Double> uninterrupted = straight.history.training();
		final List<Double> afterResume = resumed.history.training();
		// The interrupted training's three epochs are kept in the model's history; they are another run of the same
		// epochs as the uninterrupted training's (one CI run: 2e-3 apart on the first epoch, even at one thread).
		assertEquals("epochs in the history: " + afterResume, 4, afterResume.size());
		TrainingNoise.assertSameEpochs(uninterrupted, afterResume, 3);
		// The resumed epoch learns from the pseudo-labels the interrupted training kept (the next test: it reads
		// them), so it ends as the uninterrupted one up to the float-order noise of the two runs' teachers (one CI
		// run: 2.5e-5 apart); from the weights it started with, or without its pseudo-labels, it would be 0.1 or
		// more apart.
		TrainingNoise.assertSameEpochs(uninterrupted, afterResume, 4);
	}

	@Test
	public void aResumeWhosePseudoLabelsCannotBeReadIsRefusedClearly() throws Exception {
		final File folder = new File(temp.getRoot(), "damaged");
		try {
			trainer.train(training.ct(), training.labels(), raw, folder, CancelAfter.pastShare(0.75), UNetTrainer.Listener
				.NONE);
			fail("not cancelled");
		}
		catch (final CancelledException e) {
			// cancelled in epoch 4, after the pseudo-labels were kept
		}
		final File kept = PseudoLabelsFile.in(new File(folder, UNetModel.CHECKPOINT));
		Files.write(kept.toPath(), new byte[] { 1, 2, 3 });
		assertRefused(() -> trainer.train(training.ct(), training.labels(), raw, folder, Progress.NONE,
			UNetTrainer.Listener.NONE), "its pseudo-labels cannot be read");
	}

	@Test
	public void badUnlabelledSlicesAreRefusedBeforeTraining() {
		final File folder = new File(temp.getRoot(), "refused");
		final ImagePlus larger = phantoms(1, 9).ct();
		larger.setStack(new PhantomGenerator(new PhantomSettings(1, 9, 96)).stacks(1, Progress.NONE).ct().getStack());
		assertRefused(() -> trainer.train(training.ct(), training.labels(), larger, folder, Progress.NONE,
			UNetTrainer.Listener.NONE), "are 96x96 but the CT");
		assertRefused(() -> trainer.train(training.ct(), training.labels(), training.labels(), folder, Progress.NONE,
			UNetTrainer.Listener.NONE), "looks like a label image");
		final ImageStack blank = new ImageStack(64, 64);
		blank.addSlice(new ShortProcessor(64, 64));
		assertRefused(() -> trainer.train(training.ct(), training.labels(), new ImagePlus("blank", blank), folder,
			Progress.NONE, UNetTrainer.Listener.NONE), "'blank' holds the value 0 in every pixel");
		assertTrue("nothing written", !folder.exists() || folder.list().length == 0);
	}

	private List<Double> train(final ImagePlus unlabelled, final String name) {
		return trainer.train(training.ct(), training.labels(), unlabelled, new File(temp.getRoot(), name),
			Progress.NONE, UNetTrainer.Listener.NONE).history.training();
	}
}
