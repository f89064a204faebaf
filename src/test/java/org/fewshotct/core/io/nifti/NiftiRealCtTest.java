package org.fewshotct.core.io.nifti;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.testing.RealCt;
import org.fewshotct.testing.TestNifti;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * ircadb1's real slices (PNG, HU + 1024) written as NIfTI volumes stored in other orders open to the same HU
 * and give the baseline the same labels. The volumes live in a temporary folder only; skips without the data.
 */
public class NiftiRealCtTest {

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
		for (final ImagePlus volume : new ImagePlus[] { ras, sagittal, signed }) {
			final ImagePlus labels = baseline.segment(volume, Progress.NONE);
			for (int s = 1; s <= n; s++)
				assertArrayEquals(volume.getTitle() + " slice " + s, (short[]) expected.getStack().getPixels(s),
					(short[]) labels.getStack().getPixels(s));
		}
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
