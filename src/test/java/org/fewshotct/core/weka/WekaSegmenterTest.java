package org.fewshotct.core.weka;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.process.ImageConverter;

import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.testing.CtStacks;
import org.junit.BeforeClass;
import org.junit.Test;

public class WekaSegmenterTest {

	private static PhantomStacks phantoms;
	private static WekaModel model;

	@BeforeClass
	public static void train() {
		phantoms = WekaTrainerTest.phantoms(2, 81);
		model = new WekaTrainer(WekaTrainerTest.QUICK).train(phantoms.ct(), phantoms.labels(), Progress.NONE);
	}

	@Test
	public void labelsAreA16BitStackNamedAfterTheCtWithItsSliceLabels() {
		final WekaSegmenter segmenter = new WekaSegmenter(model, 2);
		assertEquals("weka", segmenter.name());
		final WekaSegmenter.Result result = segmenter.segment(phantoms.ct(), false, Progress.NONE);
		final ImagePlus labels = result.labels();
		assertEquals("phantom-ct-weka", labels.getTitle());
		assertEquals(16, labels.getBitDepth());
		assertEquals(2, labels.getStackSize());
		assertEquals("phantom-001", labels.getStack().getSliceLabel(2));
		assertNull(result.probabilities());
	}

	@Test
	public void labelsAndProbabilitiesKeepTheCtsPixelSizeButNotItsHounsfieldUnits() {
		final ImagePlus dicom = CtStacks.calibratedAsDicom(phantoms.ct());
		final WekaSegmenter.Result result = new WekaSegmenter(model, 2).segment(dicom, true, Progress.NONE);
		CtStacks.assertCalibratedLikeTheCtButNotInHu(result.labels());
		CtStacks.assertCalibratedLikeTheCtButNotInHu(result.probabilities());
		final WekaSegmenter.Result plain = new WekaSegmenter(model, 2).segment(phantoms.ct(), false, Progress.NONE);
		assertArrayEquals("the same HU", (short[]) plain.labels().getStack().getPixels(1), (short[]) result.labels()
			.getStack().getPixels(1));
	}

	@Test
	public void probabilitiesAreOneChannelPerClassAndSumToOne() {
		for (final ClassScheme scheme : ClassScheme.values()) {
			final WekaModel trained = new WekaTrainer(WekaTrainerTest.QUICK.withScheme(scheme)).train(phantoms.ct(),
				phantoms.labels(), Progress.NONE);
			final ImagePlus maps = new WekaSegmenter(trained, 2).segment(phantoms.ct(), true, Progress.NONE)
				.probabilities();
			final int classes = scheme.classCount();
			assertEquals("phantom-ct-weka-probabilities", maps.getTitle());
			assertEquals(classes, maps.getNChannels());
			assertEquals(2, maps.getNSlices());
			assertEquals("boundary phantom-001", maps.getStack().getSliceLabel(2 * classes));
			final float[][] expected = trained.probabilities(HounsfieldWindow.DEFAULT.on(phantoms.ct()).toUnit(phantoms.ct()
				.getStack().getProcessor(2)), WekaTrainerTest.SIZE, WekaTrainerTest.SIZE);
			for (int c = 0; c < classes; c++)
				assertArrayEquals(expected[scheme.target(c)], (float[]) maps.getStack().getPixels(classes + c + 1), 0);
			final float[] sum = new float[expected[0].length];
			for (int c = 0; c < classes; c++)
				for (int i = 0; i < sum.length; i++)
					sum[i] += ((float[]) maps.getStack().getPixels(c + 1))[i];
			for (final float s : sum)
				assertEquals(1, s, 1e-5);
		}
	}

	@Test
	public void theWindowInHounsfieldUnitsAppliesToCtOfAnotherBitDepth() {
		final ImagePlus ct8 = phantoms.ct().duplicate();
		ct8.setDisplayRange(1024 - 1000, 1024 + 1000);
		new ImageConverter(ct8).convertToGray8();
		assertEquals(new IntensityWindow(0, 255), new WekaSegmenter(model, 2).windowFor(ct8));
		final WekaModel narrow = new WekaTrainer(WekaTrainerTest.QUICK.withWindow(new HounsfieldWindow(-200, 300)))
			.train(phantoms.ct(), phantoms.labels(), Progress.NONE);
		assertEquals(new IntensityWindow(824, 1324), new WekaSegmenter(narrow, 2).windowFor(phantoms.ct()));
		assertEquals(new IntensityWindow(102, 165.75), new WekaSegmenter(narrow, 2).windowFor(ct8));
	}
}
