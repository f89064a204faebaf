package org.fewshotct.core.weka;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;

import java.util.Arrays;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.Progress;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.instances.InstanceTargets;
import org.fewshotct.core.metric.StackRandIndex;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.junit.Test;

/** Training on tiny phantoms: it learns, it is reproducible, and it refuses what it cannot learn from. */
public class WekaTrainerTest {

	/** Small and quick: a few trees on a few hundred pixels per slice. */
	static final WekaSettings QUICK = WekaSettings.DEFAULT.withTrees(8).withSamplesPerClass(300).withBoundaryWidth(1)
		.withThreads(2);

	/** Phantom slices of {@value #SIZE} pixels, the smallest whose organs still have an interior. */
	static final int SIZE = 96;

	static PhantomStacks phantoms(final int slices, final long seed) {
		return new PhantomGenerator(new PhantomSettings(slices, seed, SIZE)).stacks(2, Progress.NONE);
	}

	@Test
	public void learnsToSeparateStructuresOnAHeldOutPhantom() {
		final PhantomStacks train = phantoms(3, 11);
		final PhantomStacks test = phantoms(2, 12);
		final WekaModel model = new WekaTrainer(QUICK).train(train.ct(), train.labels(), Progress.NONE);
		final ImagePlus predicted = new WekaSegmenter(model, 2).segment(test.ct(), Progress.NONE);
		final double learned = StackRandIndex.meanAdjusted(StackRandIndex.score(test.labels(), predicted, 2,
			Progress.NONE));
		final double trivial = StackRandIndex.meanAdjusted(StackRandIndex.score(test.labels(), constant(test.ct(), 1),
			2, Progress.NONE));
		assertEquals(0, trivial, 1e-9);
		assertTrue("ARI " + learned, learned > 0.3);
	}

	@Test
	public void sameInputsAndSeedGiveByteIdenticalPredictions() {
		final PhantomStacks train = phantoms(2, 21);
		final float[] slice = unit(train.ct());
		final float[][] first = new WekaTrainer(QUICK).train(train.ct(), train.labels(), Progress.NONE).probabilities(
			slice, SIZE, SIZE);
		final float[][] again = new WekaTrainer(QUICK.withThreads(1)).train(train.ct(), train.labels(), Progress.NONE)
			.probabilities(slice, SIZE, SIZE);
		final float[][] otherSeed = new WekaTrainer(QUICK.withSeed(2)).train(train.ct(), train.labels(), Progress.NONE)
			.probabilities(slice, SIZE, SIZE);
		for (int c = 0; c < first.length; c++)
			assertArrayEquals(first[c], again[c], 0f);
		assertFalse(Arrays.deepEquals(first, otherSeed));
	}

	@Test
	public void skipsEmptyLabelSlicesAndLearnsFromOne() {
		final PhantomStacks train = phantoms(3, 31);
		final ImageStack labels = train.labels().getStack();
		Arrays.fill((short[]) labels.getPixels(1), (short) 0);
		Arrays.fill((short[]) labels.getPixels(3), (short) 0);
		final int[] available = new int[3];
		for (final byte c : InstanceTargets.classes(Stacks.labelValues(labels.getProcessor(2)), SIZE, SIZE, 1))
			available[c]++;
		// A cap between the interior and the boundary pixel counts: one class gives all its pixels, one the cap.
		final int cap = (available[1] + available[2]) / 2;
		assertTrue(Arrays.toString(available), available[1] != available[2]);
		final TrainingData data = new WekaTrainer(QUICK.withScheme(ClassScheme.FULL).withSamplesPerClass(cap)).sample(
			train.ct(), train.labels(), Progress.NONE);
		assertArrayEquals(new int[] { 2 }, data.slices());
		assertEquals(3, data.instances().numClasses());
		final int[] perClass = new int[3];
		for (int i = 0; i < data.instances().numInstances(); i++)
			perClass[(int) data.instances().instance(i).classValue()]++;
		for (int c = 0; c < 3; c++)
			assertEquals("class " + c + " of " + Arrays.toString(available), Math.min(cap, available[c]), perClass[c]);
	}

	@Test
	public void masksForSomeSlicesPairWithTheCtSlicesOfTheirNames() {
		final PhantomStacks train = phantoms(3, 31);
		final ImageStack labels = train.labels().getStack();
		final ImageStack third = new ImageStack(SIZE, SIZE);
		third.addSlice(labels.getSliceLabel(3), labels.getProcessor(3));
		final ImageStack ctOfThird = new ImageStack(SIZE, SIZE);
		ctOfThird.addSlice("", train.ct().getStack().getProcessor(3));
		final WekaTrainer trainer = new WekaTrainer(QUICK);
		final TrainingData paired = trainer.sample(train.ct(), new ImagePlus("third", third), Progress.NONE);
		final TrainingData alone = trainer.sample(new ImagePlus("ct", ctOfThird), new ImagePlus("third", third),
			Progress.NONE);
		assertEquals(alone.instances().numInstances(), paired.instances().numInstances());
		for (int i = 0; i < alone.instances().numInstances(); i++)
			assertArrayEquals(alone.instances().instance(i).toDoubleArray(), paired.instances().instance(i)
				.toDoubleArray(), 0);
	}

	@Test
	public void theStructuresSchemeNeverSamplesBackground() {
		final PhantomStacks train = phantoms(1, 41);
		final TrainingData data = new WekaTrainer(QUICK.withScheme(ClassScheme.STRUCTURES)).sample(train.ct(), train
			.labels(), Progress.NONE);
		assertEquals(2, data.instances().numClasses());
		assertEquals("interior", data.instances().classAttribute().value(0));
		final float[][] p = new WekaTrainer(QUICK.withScheme(ClassScheme.STRUCTURES)).train(data, Progress.NONE)
			.probabilities(unit(train.ct()), SIZE, SIZE);
		for (final float v : p[0])
			assertEquals(0, v, 0);
	}

	@Test
	public void refusesUnlabelledStacksMismatchedStacksAndUnknownClassifiers() {
		final PhantomStacks train = phantoms(2, 51);
		assertRefused(() -> new WekaTrainer(QUICK).sample(train.ct(), constant(train.ct(), 0), Progress.NONE),
			"hold no labelled pixel");
		final ImagePlus oneSlice = new ImagePlus("one", train.labels().getStack().getProcessor(1));
		assertRefused(() -> new WekaTrainer(QUICK).sample(train.ct(), oneSlice, Progress.NONE),
			"paired by name, but no CT slice is named like label slice 1");
		assertRefused(() -> new WekaTrainer(QUICK.withClassifier("weka.classifiers.NoSuch", "")),
			"weka.classifiers.NoSuch");
	}

	@Test
	public void anyWekaClassifierByNameAndOptions() {
		final PhantomStacks train = phantoms(1, 61);
		final WekaModel model = new WekaTrainer(QUICK.withClassifier("weka.classifiers.trees.J48", "-C 0.25 -M 5"))
			.train(train.ct(), train.labels(), Progress.NONE);
		assertEquals("weka.classifiers.trees.J48", model.classifier().getClass().getName());
		final float[][] p = model.probabilities(unit(train.ct()), SIZE, SIZE);
		assertEquals(1, p[0][0] + p[1][0] + p[2][0], 1e-6);
	}

	@Test(expected = CancelledException.class)
	public void aCancelWhileTheForestGrowsStopsTraining() {
		final PhantomStacks train = phantoms(1, 91);
		final Progress cancelOnceTraining = new Progress() {

			private volatile boolean training;

			@Override
			public void report(final int done, final int total) {}

			@Override
			public void status(final String message) {
				training |= message.startsWith("training");
			}

			@Override
			public boolean isCancelled() {
				return training;
			}
		};
		new WekaTrainer(QUICK.withTrees(500)).train(train.ct(), train.labels(), cancelOnceTraining);
	}

	static float[] unit(final ImagePlus ct) {
		return org.fewshotct.core.HounsfieldWindow.DEFAULT.on(ct).toUnit(ct.getStack().getProcessor(1));
	}

	static ImagePlus constant(final ImagePlus like, final int value) {
		final ImageStack stack = new ImageStack(like.getWidth(), like.getHeight());
		for (int s = 1; s <= like.getStackSize(); s++) {
			final short[] pixels = new short[like.getWidth() * like.getHeight()];
			Arrays.fill(pixels, (short) value);
			stack.addSlice("", new ShortProcessor(like.getWidth(), like.getHeight(), pixels, null));
		}
		return new ImagePlus("constant", stack);
	}
}
