package org.fewshotct.core.weka;

import static org.fewshotct.core.weka.WekaTrainerTest.QUICK;
import static org.fewshotct.core.weka.WekaTrainerTest.SIZE;
import static org.fewshotct.core.weka.WekaTrainerTest.phantoms;
import static org.fewshotct.core.weka.WekaTrainerTest.unit;
import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.Progress;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Train Weka Few-Shot with raw slices without masks ({@code unlabelled=}): self-training, on tiny phantoms. */
public class WekaUnlabelledTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private final PhantomStacks training = phantoms(2, 71);
	private final ImagePlus raw = phantoms(3, 72).ct();
	private final WekaTrainer trainer = new WekaTrainer(QUICK);

	@Test
	public void unlabelledSlicesChangeWhatIsLearnedAndTheModelRecordsThem() {
		final WekaModel supervised = trainer.train(training.ct(), training.labels(), Progress.NONE);
		final WekaModel selfTrained = trainer.train(training.ct(), training.labels(), raw, Progress.NONE);
		final float[] slice = unit(raw);
		assertFalse("the unlabelled slices changed the predictions", Arrays.deepEquals(supervised.probabilities(slice,
			SIZE, SIZE), selfTrained.probabilities(slice, SIZE, SIZE)));
		final int labelledPixels = Integer.parseInt(supervised.training().get("pixels"));
		assertTrue(selfTrained.training().toString(), Integer.parseInt(selfTrained.training().get("pixels")) >
			labelledPixels);
		assertEquals("[1, 2]", selfTrained.training().get("slices"));
		assertNull(supervised.training().get("unlabelled_slices"));
		final File file = new File(temp.getRoot(), "self-trained.weka");
		selfTrained.save(file);
		assertEquals("3", WekaModel.load(file).training().get("unlabelled_slices"));
	}

	@Test
	public void sameInputsGiveTheSameModelWhateverTheEncodingOfTheUnlabelledSlices() {
		final float[] slice = unit(raw);
		final float[][] first = trainer.train(training.ct(), training.labels(), raw, Progress.NONE).probabilities(slice,
			SIZE, SIZE);
		final float[][] again = new WekaTrainer(QUICK.withThreads(1)).train(training.ct(), training.labels(), raw,
			Progress.NONE).probabilities(slice, SIZE, SIZE);
		final float[][] fromHu = trainer.train(training.ct(), training.labels(), inHu(raw), Progress.NONE)
			.probabilities(slice, SIZE, SIZE);
		for (int c = 0; c < first.length; c++) {
			assertArrayEquals(first[c], again[c], 0f);
			assertArrayEquals("32-bit HU read as the 16-bit HU + 1024 it came from", first[c], fromHu[c], 0f);
		}
	}

	@Test
	public void badUnlabelledSlicesAreRefusedBeforeAnyWork() {
		final Progress noWork = new Progress() {

			@Override
			public void report(final int done, final int total) {
				fail("work started");
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		};
		final ImagePlus larger = new PhantomGenerator(new PhantomSettings(1, 9, SIZE + 32)).stacks(1, Progress.NONE)
			.ct();
		larger.setTitle("larger");
		assertRefused(() -> trainer.train(training.ct(), training.labels(), larger, noWork),
			"The unlabelled slices 'larger' are 128x128 but the CT");
		assertRefused(() -> trainer.train(training.ct(), training.labels(), training.labels(), noWork),
			"looks like a label image");
		final ImageStack blank = new ImageStack(SIZE, SIZE);
		blank.addSlice(new ShortProcessor(SIZE, SIZE));
		assertRefused(() -> trainer.train(training.ct(), training.labels(), new ImagePlus("blank", blank), noWork),
			"The unlabelled CT 'blank' holds the value 0 in every pixel");
		assertRefused(() -> trainer.train(training.ct(), training.labels(), training.ct(), noWork),
			"are the CT '" + training.ct().getTitle() + "' itself");
	}

	@Test
	public void progressRunsOnceAcrossBothPassesAndACancelWhileSegmentingTheUnlabelledSlicesStops() {
		final List<String> steps = new ArrayList<>();
		final Set<Integer> totals = new HashSet<>();
		final Progress cancelInSecondPass = new Progress() {

			private volatile int done;

			@Override
			public synchronized void report(final int d, final int total) {
				done = Math.max(done, d);
				totals.add(total);
			}

			@Override
			public synchronized void status(final String message) {
				steps.add(message);
			}

			@Override
			public boolean isCancelled() {
				return done > 2; // past the 2 labelled slices: some unlabelled slice is segmented
			}
		};
		try {
			trainer.train(training.ct(), training.labels(), raw, cancelInSecondPass);
			fail("not cancelled");
		}
		catch (final CancelledException e) {
			// cancelled while the model of the labelled slices segments the unlabelled ones
		}
		assertEquals("2 labelled slices sampled, 3 unlabelled slices segmented and sampled", Collections.singleton(8),
			totals);
		assertTrue(steps.toString(), steps.get(steps.size() - 1).startsWith("segmenting 3 unlabelled slices"));
		assertEquals(steps.toString(), 1, steps.stream().filter(step -> step.startsWith("training")).count());
	}

	/** The CT as 32-bit Hounsfield units, as a user's conversion would give it. */
	private static ImagePlus inHu(final ImagePlus ct) {
		final HounsfieldScale scale = HounsfieldScale.of(ct);
		final ImageStack stack = new ImageStack(ct.getWidth(), ct.getHeight());
		for (int s = 1; s <= ct.getStackSize(); s++) {
			final ImageProcessor ip = ct.getStack().getProcessor(s);
			final float[] hu = new float[ip.getPixelCount()];
			for (int i = 0; i < hu.length; i++)
				hu[i] = (float) scale.hu(ip.getf(i));
			stack.addSlice(ct.getStack().getSliceLabel(s), new FloatProcessor(ct.getWidth(), ct.getHeight(), hu));
		}
		return new ImagePlus(ct.getTitle() + "-hu", stack);
	}
}
