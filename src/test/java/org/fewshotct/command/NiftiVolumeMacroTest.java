package org.fewshotct.command;

import static org.fewshotct.testing.ImageJBatch.path;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;

import java.io.File;
import java.nio.file.Files;

import org.fewshotct.core.Progress;
import org.fewshotct.core.io.nifti.NiftiVolumes;
import org.fewshotct.testing.ImageJBatch;
import org.fewshotct.testing.TestNifti;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Open CT Volume, Import Label Volume and Export Label Volume as batch users run them. */
public class NiftiVolumeMacroTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void volumeInLabelsOutAndBack() throws Exception {
		// A sagittally stored volume: the commands must turn it into transverse slices.
		final File ct = TestNifti.volume(12, 10, 3, (x, y, z) -> -1000 + 3 * x + 40 * y + 200 * z).storage("PSR")
			.transform("qform").write(new File(temp.getRoot(), "ct.nii.gz"));
		final File seg = TestNifti.volume(12, 10, 3, (x, y, z) -> x < 6 ? 0 : y < 5 ? 3 : z + 1).storage("PSR").write(
			new File(temp.getRoot(), "seg.nii.gz"));
		final File out = new File(temp.getRoot(), "out/labels.nii.gz");
		final ImageJBatch.Run run = ImageJBatch.run(
			"run('Open CT Volume', 'file=[" + path(ct) + "]');\n" +
			"ct = getTitle();\n" +
			"setSlice(2);\n" +
			"print('ct ' + ct + ' ' + getWidth() + 'x' + getHeight() + 'x' + nSlices + ' ' + bitDepth() + ' ' + " +
			"getInfo('slice.label') + ' ' + calibrate(getPixel(5, 4)));\n" +
			"run('Import Label Volume', 'file=[" + path(seg) + "] min_size=2');\n" +
			"labels = getTitle();\n" +
			"print('labels ' + labels + ' ' + nSlices + ' ' + bitDepth());\n" +
			"run('Export Label Volume', 'labels=[' + labels + '] file=[" + path(out) + "] reference=[" + path(ct) +
			"]');\n");
		assertEquals(run.toString(), 0, run.exitCode);
		assertTrue(run.stdout, run.stdout.contains("ct ct 12x10x3 16 ct-z0002 " + (-1000 + 15 + 160 + 200)));
		assertTrue(run.stdout, run.stdout.contains("labels seg 3 16"));
		assertTrue(run.stdout, run.stdout.contains("Open CT Volume: ct.nii.gz stored PSR (from its qform)"));
		final ImagePlus expected = NiftiVolumes.openLabels(seg, 2, Progress.NONE);
		final ImagePlus back = NiftiVolumes.openLabels(out, 0, Progress.NONE);
		for (int s = 1; s <= 3; s++)
			assertArrayEquals((short[]) expected.getStack().getPixels(s), (short[]) back.getStack().getPixels(s));
	}

	@Test
	public void refusesToWriteOverAnInput() throws Exception {
		final File ct = TestNifti.volume(6, 5, 2, (x, y, z) -> -1000 + x + 9 * y).write(new File(temp.getRoot(),
			"ct.nii.gz"));
		final File seg = TestNifti.volume(6, 5, 2, (x, y, z) -> x / 2).write(new File(temp.getRoot(), "seg.nii.gz"));
		final byte[] segBytes = Files.readAllBytes(seg.toPath());
		final String open = "run('Open CT Volume', 'file=[" + path(ct) + "]');\n" +
			"run('Import Label Volume', 'file=[" + path(seg) + "]'); labels = getTitle();\n";
		final ImageJBatch.Run overSeg = ImageJBatch.run(open + "run('Export Label Volume', 'labels=' + labels + " +
			"' file=[" + path(seg) + "] reference=[" + path(ct) + "]');\n");
		assertEquals(overSeg.toString(), 1, overSeg.exitCode);
		assertTrue(overSeg.stderr, overSeg.stderr.contains("would overwrite the input 'seg'"));
		final File other = TestNifti.volume(6, 4, 2, (x, y, z) -> x).write(new File(temp.getRoot(), "other.nii"));
		final ImageJBatch.Run mismatch = ImageJBatch.run(open + "run('Export Label Volume', 'labels=' + labels + " +
			"' file=[" + path(new File(temp.getRoot(), "x.nii.gz")) + "] reference=[" + path(other) + "]');\n");
		assertEquals(mismatch.toString(), 1, mismatch.exitCode);
		assertTrue(mismatch.stderr, mismatch.stderr.contains("The labels 'seg' are 6x5x2 but the reference " + other
			.getPath() + " opens as 6x4x2"));
		assertFalse("no stack trace for a user error", mismatch.stderr.contains("\tat "));
		assertArrayEquals(segBytes, Files.readAllBytes(seg.toPath()));
		assertFalse(new File(temp.getRoot(), "x.nii.gz").exists());
	}
}
