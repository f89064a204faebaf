package org.fewshotct.core.io.nifti;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fewshotct.core.Progress;
import org.fewshotct.testing.TestNifti;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The orientation checked against nibabel, the reference reader of the Python world: every file, reoriented
 * by nibabel to LPS (x to the patient's left, y posterior, z superior), holds what the suite shows, and
 * Export Label Volume's files carry the CT's affine. Skips where {@code /usr/bin/python3} has no nibabel
 * (Debian: {@code apt-get install python3-nibabel}).
 */
public class NiftiNibabelTest {

	private static final File PYTHON = new File("/usr/bin/python3");
	private static final int W = 7, H = 5, N = 4;

	/** Loads each file, reorients it to LPS and writes its voxels, z-major then y then x, to FILE.lps. */
	private static final String SCRIPT = String.join("\n", "import sys, numpy as np, nibabel as nib",
		"from nibabel.orientations import io_orientation, axcodes2ornt, ornt_transform",
		"for path in sys.argv[1:]:",
		"    image = nib.load(path)",
		"    lps = image.as_reoriented(ornt_transform(io_orientation(image.affine), axcodes2ornt(('L', 'P', 'S'))))",
		"    data = np.asarray(lps.dataobj, dtype='<f8')",
		"    open(path + '.lps', 'wb').write(np.ascontiguousarray(data.transpose(2, 1, 0)).tobytes())",
		"    print(path, ' '.join(repr(float(v)) for v in image.affine[:3].ravel()))", "");

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private static double hu(final int x, final int y, final int z) {
		return -1000 + x + 10 * y + 100 * z;
	}

	@Test
	public void nibabelSeesWhatTheSuiteShows() throws Exception {
		final List<File> files = new ArrayList<>();
		int n = 0;
		for (final String storage : new String[] { "RAS", "LPS", "LAS", "PSR", "IRA", "AIL" })
			for (final String transform : new String[] { "sform", "qform", "both" })
				files.add(TestNifti.volume(W, H, N, NiftiNibabelTest::hu).storage(storage).transform(transform).write(
					new File(temp.getRoot(), (n++) + "-" + storage + "-" + transform + ".nii.gz")));
		files.add(TestNifti.volume(W, H, N, NiftiNibabelTest::hu).storage("SPL").nifti2().bigEndian().uncompressed().write(new File(
			temp.getRoot(), "nifti2.nii")));
		files.add(TestNifti.volume(W, H, N, (x, y, z) -> (hu(x, y, z) + 1024) / 4).datatype(16).scaling(4, -1024)
			.storage("RPI").write(new File(temp.getRoot(), "float.nii.gz")));
		nibabel(files);
		for (final File file : files) {
			final ImagePlus ct = NiftiVolumes.openCt(file, Progress.NONE);
			assertArrayEquals(file.getName(), lps(file), hu(ct), 1e-9);
		}
	}

	@Test
	public void exportedLabelsLieOnTheCtInNibabel() throws Exception {
		for (final String storage : new String[] { "PSR", "LAS" }) {
			final File ct = TestNifti.volume(W, H, N, NiftiNibabelTest::hu).storage(storage).transform("qform").write(
				new File(temp.getRoot(), storage + "-ct.nii.gz"));
			final ImagePlus labels = new ImagePlus("labels", ImageStack.create(W, H, N, 16));
			for (int z = 0; z < N; z++)
				for (int i = 0; i < W * H; i++)
					labels.getStack().getProcessor(z + 1).set(i, (i * 7 + z * 3) % 11);
			final File out = new File(temp.getRoot(), storage + "-labels.nii.gz");
			NiftiVolumes.writeLabels(labels, out, ct, Progress.NONE);
			final String[] affines = nibabel(java.util.Arrays.asList(ct, out)).split("\n");
			assertEquals(affines[0].substring(affines[0].indexOf(' ')), affines[1].substring(affines[1].indexOf(' ')));
			final double[] shown = new double[W * H * N];
			for (int z = 0; z < N; z++)
				for (int i = 0; i < W * H; i++)
					shown[z * W * H + i] = labels.getStack().getProcessor(z + 1).get(i);
			assertArrayEquals(storage, shown, lps(out), 0);
		}
	}

	/** Runs the script on the files; returns its output (one line per file: path and affine). */
	private static String nibabel(final List<File> files) throws IOException, InterruptedException {
		assumeTrue("no " + PYTHON, PYTHON.canExecute());
		final Process probe = new ProcessBuilder(PYTHON.getPath(), "-c", "import nibabel").redirectErrorStream(true)
			.start();
		assumeTrue("nibabel absent (apt-get install python3-nibabel)", probe.waitFor(60, TimeUnit.SECONDS) && probe
			.exitValue() == 0);
		final List<String> command = new ArrayList<>(java.util.Arrays.asList(PYTHON.getPath(), "-c", SCRIPT));
		for (final File file : files)
			command.add(file.getPath());
		final Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(output, true, python.waitFor(60, TimeUnit.SECONDS));
		assertEquals(output, 0, python.exitValue());
		return output;
	}

	private static double[] lps(final File file) throws IOException {
		final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(new File(file.getPath() + ".lps").toPath())).order(
			ByteOrder.LITTLE_ENDIAN);
		final double[] values = new double[bytes.capacity() / 8];
		bytes.asDoubleBuffer().get(values);
		return values;
	}

	/** The stack's values in HU, slice by slice, row by row. */
	private static double[] hu(final ImagePlus ct) {
		final double[] values = new double[ct.getWidth() * ct.getHeight() * ct.getStackSize()];
		final int area = ct.getWidth() * ct.getHeight();
		for (int s = 0; s < ct.getStackSize(); s++)
			for (int i = 0; i < area; i++) {
				final float stored = ct.getStack().getProcessor(s + 1).getf(i);
				values[s * area + i] = ct.getBitDepth() == 32 ? stored : ct.getCalibration().getCValue((int) stored);
			}
		return values;
	}
}
