package org.fewshotct.core.io.nifti;

import static org.junit.Assert.assertArrayEquals;
import static org.fewshotct.testing.TestStacks.slices;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.StackStatistics;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;
import org.fewshotct.testing.RealCt;
import org.fewshotct.testing.TestNifti;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * ircadb1's real slices (PNG, HU + 1024) written as NIfTI volumes stored in other orders open to the same HU
 * and give the baseline and a Weka model the same labels. The volumes live in a temporary folder only; skips
 * without the data.
 */
public class NiftiRealCtTest {

	/** Slices (0-based) the Weka model segments, from the pelvis to the liver dome. */
	private static final int[] WEKA_SLICES = { 3, 17, 30 };

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void ircadbAsNiftiInTwoOrientationsEqualsItsPngs() throws IOException {
		final ImagePlus pngs = SliceFolderReader.read(RealCt.folder("ircadb1/images"), Progress.NONE);
		final ImageStack stack = pngs.getStack();
		final int w = pngs.getWidth(), h = pngs.getHeight(), n = pngs.getStackSize();
		final TestNifti.Voxels stored = (x, y, z) -> ((short[]) stack.getPixels(z + 1))[y * w + x] & 0xffff;
		final ImagePlus ras = open(TestNifti.volume(w, h, n, stored).datatype(512).scaling(1, -1024).storage("RAS"),
			"ras.nii.gz");
		final ImagePlus sagittal = open(TestNifti.volume(w, h, n, stored).datatype(512).scaling(1, -1024).storage(
			"PIL").transform("qform").uncompressed(), "sagittal.nii");
		final ImagePlus signed = open(TestNifti.volume(w, h, n, (x, y, z) -> stored.at(x, y, z) - 1024).datatype(4)
			.storage("LAS").uncompressed(), "signed.nii");
		for (final ImagePlus volume : new ImagePlus[] { ras, sagittal, signed })
			assertSameHu(pngs, volume);
		final BaselineSegmenter baseline = new BaselineSegmenter(BaselineSettings.DEFAULT, SliceParallel
			.defaultThreads());
		final ImagePlus expected = baseline.segment(pngs, Progress.NONE);
		for (final ImagePlus volume : new ImagePlus[] { ras, sagittal, signed })
			assertSameLabels("baseline", expected, baseline.segment(volume, Progress.NONE));
		// A Weka model trained on two PNG slices, applied to three slices of each volume.
		final ImagePlus trainingLabels = slices(SliceFolderReader.read(RealCt.folder("ircadb1/labels"), Progress.NONE),
			8, 24);
		final WekaSegmenter weka = new WekaSegmenter(new WekaTrainer(WekaSettings.DEFAULT.withTrees(8)
			.withSamplesPerClass(500).withThreads(2)).train(pngs, trainingLabels, Progress.NONE), 2);
		final ImagePlus expectedWeka = weka.segment(slices(pngs, WEKA_SLICES), Progress.NONE);
		assertTrue("the model finds structures", new StackStatistics(expectedWeka).max >= 5);
		for (final ImagePlus volume : new ImagePlus[] { ras, sagittal, signed })
			assertSameLabels("Weka", expectedWeka, weka.segment(slices(volume, WEKA_SLICES), Progress.NONE));
	}

	private static void assertSameLabels(final String method, final ImagePlus expected, final ImagePlus actual) {
		for (int s = 1; s <= expected.getStackSize(); s++)
			assertArrayEquals(method + ", " + actual.getTitle() + " slice " + s, (short[]) expected.getStack().getPixels(
				s), (short[]) actual.getStack().getPixels(s));
	}

	private ImagePlus open(final TestNifti nifti, final String name) throws IOException {
		return NiftiVolumes.openCt(nifti.spacing(0.57, 0.57, 6.4).write(new File(temp.getRoot(), name)),
			Progress.NONE);
	}

	private static void assertSameHu(final ImagePlus pngs, final ImagePlus volume) {
		assertEquals(pngs.getStackSize(), volume.getStackSize());
		assertEquals(0.57, volume.getCalibration().pixelWidth, 1e-6);
		for (int s = 1; s <= pngs.getStackSize(); s++) {
			final short[] png = (short[]) pngs.getStack().getPixels(s);
			final short[] stored = (short[]) volume.getStack().getPixels(s);
			final double[] expected = new double[png.length];
			final double[] actual = new double[png.length];
			for (int i = 0; i < png.length; i++) {
				expected[i] = (png[i] & 0xffff) - 1024;
				actual[i] = volume.getCalibration().getCValue(stored[i] & 0xffff);
			}
			assertArrayEquals(volume.getTitle() + " slice " + s, expected, actual, 0);
		}
	}
}
