package org.fewshotct.core.io.nifti;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.measure.Calibration;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;

import org.fewshotct.core.Progress;
import org.fewshotct.testing.TestNifti;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** NIfTI CT volumes open in display orientation with HU through the calibration, whatever their storage. */
public class NiftiVolumesTest {

	private static final int W = 5, H = 4, N = 3;

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	/** Distinct even HU per voxel of the display volume, -1000..-4. */
	private static double hu(final int x, final int y, final int z) {
		return -1000 + 2 * (x + 7 * y + 31 * z);
	}

	@Test
	public void everyStorageOrderOpensInDisplayOrientation() throws IOException {
		for (final String storage : new String[] { "LPS", "RAS", "LAS", "RPI", "PSR", "IRA", "SLP" })
			for (final String transform : new String[] { "sform", "qform", "both" }) {
				final ImagePlus ct = open(TestNifti.volume(W, H, N, NiftiVolumesTest::hu).storage(storage).transform(
					transform), storage + "-" + transform + ".nii.gz");
				assertHu(storage + " " + transform, ct);
				assertEquals(0.75, ct.getCalibration().pixelWidth, 1e-6);
				assertEquals(0.8, ct.getCalibration().pixelHeight, 1e-6);
				assertEquals(2.5, ct.getCalibration().pixelDepth, 1e-6);
				assertEquals("mm", ct.getCalibration().getUnit());
				assertTrue(ct.getProp(NiftiVolumes.ORIENTATION), ct.getProp(NiftiVolumes.ORIENTATION).startsWith(
					"stored " + storage + " (from its " + (transform.equals("qform") ? "qform" : "sform") + ")"));
			}
	}

	@Test
	public void withoutOrientationTheStandardsMethodOneApplies() throws IOException {
		final ImagePlus ct = open(TestNifti.volume(W, H, N, NiftiVolumesTest::hu).storage("RAS").transform("none"),
			"none.nii");
		assertHu("pixdim only", ct);
		assertTrue(ct.getProp(NiftiVolumes.ORIENTATION).contains("gives no orientation"));
	}

	/** Turned 10 degrees about the body axis in its sform: shown unturned, and the log says so. */
	@Test
	public void anObliqueVolumeIsShownInTheNearestOrientation() throws IOException {
		final File file = TestNifti.volume(W, H, N, NiftiVolumesTest::hu).storage("LPS").uncompressed().write(temp
			.newFile("oblique.nii"));
		final byte[] bytes = Files.readAllBytes(file.toPath());
		final ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		final double angle = Math.toRadians(10);
		// srow_x and srow_y of an LPS volume: i along -x (0.75 mm), j along -y (0.8 mm); turn both about z.
		header.putFloat(280, (float) (-0.75 * Math.cos(angle)));
		header.putFloat(296, (float) (-0.75 * Math.sin(angle)));
		header.putFloat(284, (float) (0.8 * Math.sin(angle)));
		header.putFloat(300, (float) (-0.8 * Math.cos(angle)));
		Files.write(file.toPath(), bytes);
		final ImagePlus ct = NiftiVolumes.openCt(file, Progress.NONE);
		assertHu("oblique", ct);
		assertEquals(0.75, ct.getCalibration().pixelWidth, 1e-6);
		assertTrue(ct.getProp(NiftiVolumes.ORIENTATION), ct.getProp(NiftiVolumes.ORIENTATION).endsWith(
			"oblique by up to 10.0 degrees and is shown in the nearest orthogonal orientation, not resampled"));
	}

	@Test
	public void anyByteOrderCompressionAndVersion() throws IOException {
		final TestNifti[] variants = { volume().uncompressed(), volume().bigEndian(), volume().nifti2(), volume()
			.nifti2().bigEndian().storage("RAS").transform("qform").uncompressed() };
		for (int v = 0; v < variants.length; v++)
			assertHu("variant " + v, open(variants[v], "v" + v + ".nii.gz"));
	}

	@Test
	public void integerVoxelsAre16BitWithTheScalingAsCalibration() throws IOException {
		final ImagePlus scaled = open(TestNifti.volume(W, H, N, (x, y, z) -> (hu(x, y, z) + 1024) / 2).datatype(4)
			.scaling(2, -1024), "scaled.nii.gz");
		assertEquals(16, scaled.getBitDepth());
		assertTrue(scaled.getCalibration().calibrated());
		assertEquals("HU", scaled.getCalibration().getValueUnit());
		assertHu("int16 slope 2 inter -1024", scaled);
		final ImagePlus unsigned = open(volume().datatype(512).scaling(1, -1024).voxels((x, y, z) -> hu(x, y, z) +
			1024), "uint16.nii.gz");
		assertEquals(16, unsigned.getBitDepth());
		assertEquals(hu(0, 0, 0) + 1024, unsigned.getStack().getProcessor(1).get(0), 0);
		assertHu("uint16 inter -1024", unsigned);
		assertHu("uint8", open(volume().datatype(2).scaling(2, -1000).voxels((x, y, z) -> (hu(x, y, z) + 1000) / 2),
			"u8.nii"));
		final ImagePlus int32 = open(volume().datatype(8), "int32.nii.gz");
		assertEquals(16, int32.getBitDepth());
		assertHu("int32 within 16 bits", int32);
		final ImagePlus slopeZero = open(volume().scaling(0, 500), "slope0.nii.gz");
		assertHu("slope 0 means no scaling", slopeZero);
	}

	@Test
	public void floatingPointAndWideIntegersAre32BitHu() throws IOException {
		final ImagePlus float32 = open(volume().datatype(16).scaling(0.5, 0).voxels((x, y, z) -> 2 * hu(x, y, z)),
			"f32.nii.gz");
		assertEquals(32, float32.getBitDepth());
		assertFalse(float32.getCalibration().calibrated());
		assertHu("float32", float32);
		assertHu("float64", open(volume().datatype(64), "f64.nii.gz"));
		final ImagePlus decreasing = open(volume().datatype(2).scaling(-2, -600).voxels((x, y, z) -> (-hu(x, y, z) -
			600) / 2), "decreasing.nii");
		assertEquals(32, decreasing.getBitDepth());
		assertHu("uint8 with a negative slope", decreasing);
		final ImagePlus wide = open(volume().datatype(8).voxels((x, y, z) -> hu(x, y, z) * 100), "wide.nii.gz");
		assertEquals(32, wide.getBitDepth());
		assertEquals(hu(4, 3, 2) * 100, wide.getStack().getProcessor(3).getf(4, 3), 0);
	}

	@Test
	public void slicesAreNamedAfterTheVolumeFromTheBottom() throws IOException {
		final ImagePlus ct = open(volume(), "patient 7.nii.gz");
		assertEquals("patient 7", ct.getTitle());
		assertEquals("patient 7-z0001", ct.getStack().getSliceLabel(1));
		assertEquals("patient 7-z0003", ct.getStack().getSliceLabel(3));
	}

	@Test
	public void refusesWhatIsNotOneCtVolume() throws IOException {
		final File text = temp.newFile("notes.nii");
		Files.write(text.toPath(), "not a volume at all".getBytes("UTF-8"));
		assertRefused(() -> openQuietly(text), "Not a NIfTI file: " + text);
		final File missing = new File(temp.getRoot(), "missing.nii.gz");
		assertRefused(() -> openQuietly(missing), "No such NIfTI file: " + missing);
		assertRefused(() -> openQuietly(temp.getRoot()), "is a folder");
		final File whole = volume().uncompressed().write(temp.newFile("whole.nii"));
		final byte[] bytes = Files.readAllBytes(whole.toPath());
		final File truncated = new File(temp.getRoot(), "truncated.nii.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(truncated.toPath()))) {
			out.write(bytes, 0, bytes.length - 10);
		}
		assertRefused(() -> openQuietly(truncated), "truncated");
		final File pair = new File(temp.getRoot(), "pair.hdr");
		bytes[345] = 'i';
		Files.write(pair.toPath(), bytes);
		assertRefused(() -> openQuietly(pair), "two-file NIfTI");
		final File fourD = new File(temp.getRoot(), "4d.nii");
		final byte[] copy = Files.readAllBytes(whole.toPath());
		copy[40] = 4;
		copy[48] = 2;
		Files.write(fourD.toPath(), copy);
		assertRefused(() -> openQuietly(fourD), "expected one 3D volume");
		final byte[] rgb = Files.readAllBytes(whole.toPath());
		rgb[70] = (byte) 128;
		Files.write(fourD.toPath(), rgb);
		assertRefused(() -> openQuietly(fourD), "datatype 128 (RGB)");
	}

	private TestNifti volume() {
		return TestNifti.volume(W, H, N, NiftiVolumesTest::hu).storage("LAS");
	}

	private ImagePlus open(final TestNifti nifti, final String name) throws IOException {
		return NiftiVolumes.openCt(nifti.write(new File(temp.getRoot(), name)), Progress.NONE);
	}

	private static void openQuietly(final File file) {
		try {
			NiftiVolumes.openCt(file, Progress.NONE);
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	/** The stack, read through its calibration, holds hu() in display orientation. */
	static void assertHu(final String what, final ImagePlus ct) {
		assertEquals(what, W, ct.getWidth());
		assertEquals(what, H, ct.getHeight());
		assertEquals(what, N, ct.getStackSize());
		final Calibration calibration = ct.getCalibration();
		for (int z = 0; z < N; z++) {
			final double[] expected = new double[W * H];
			final double[] actual = new double[W * H];
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					expected[y * W + x] = hu(x, y, z);
					final float stored = ct.getStack().getProcessor(z + 1).getf(x, y);
					actual[y * W + x] = ct.getBitDepth() == 32 ? stored : calibration.getCValue((int) stored);
				}
			assertArrayEquals(what + ", slice " + (z + 1), expected, actual, 1e-9);
		}
	}
}
