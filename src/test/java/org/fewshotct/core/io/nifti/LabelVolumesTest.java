package org.fewshotct.core.io.nifti;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.fewshotct.core.Progress;
import org.fewshotct.testing.TestNifti;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Segmentation volumes in as instance labels, label stacks out on the CT's grid, and back. */
public class LabelVolumesTest {

	private static final int W = 9, H = 6, N = 2;

	/**
	 * Slice 1: class 5 in two pieces, class 2 touching one of them, a lone pixel of class 7. Slice 2: class 5
	 * joined diagonally, class 300 beyond 8 bits.
	 */
	private static final String[][] CLASSES = { {
		"55..22...",
		"55..22...",
		"......7..",
		"..55.....",
		"..55.....",
		"........." }, {
		"5........",
		".5.......",
		"..5......",
		".........",
		"......###",
		"......###" } };

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private static double classAt(final int x, final int y, final int z) {
		final char c = CLASSES[z][y].charAt(x);
		return c == '.' ? 0 : c == '#' ? 300 : c - '0';
	}

	@Test
	public void everyComponentOfEveryClassIsOneInstance() throws IOException {
		final File file = TestNifti.volume(W, H, N, LabelVolumesTest::classAt).storage("RAS").write(temp.newFile(
			"seg.nii.gz"));
		final ImagePlus labels = NiftiVolumes.openLabels(file, 0, Progress.NONE);
		assertEquals(16, labels.getBitDepth());
		assertEquals("seg-z0002", labels.getStack().getSliceLabel(2));
		assertArrayEquals(shorts(
			"11..22...",
			"11..22...",
			"......3..",
			"..44.....",
			"..44.....",
			"........."), (short[]) labels.getStack().getPixels(1));
		assertArrayEquals(shorts(
			"1........",
			".1.......",
			"..1......",
			".........",
			"......222",
			"......222"), (short[]) labels.getStack().getPixels(2));
		final ImagePlus large = NiftiVolumes.openLabels(file, 4, Progress.NONE);
		assertArrayEquals(shorts(
			"11..22...",
			"11..22...",
			".........",
			"..33.....",
			"..33.....",
			"........."), (short[]) large.getStack().getPixels(1));
		assertArrayEquals(shorts(
			".........",
			".........",
			".........",
			".........",
			"......111",
			"......111"), (short[]) large.getStack().getPixels(2));
	}

	@Test
	public void exportedLabelsImportAsTheSamePartitionOnTheReferenceGrid() throws IOException {
		for (final String storage : new String[] { "LAS", "PSR", "IRA" }) {
			final File ct = TestNifti.volume(W, H, N, (x, y, z) -> -1000 + x + 10 * y).storage(storage).transform(
				"qform").write(new File(temp.getRoot(), storage + "-ct.nii.gz"));
			final File seg = TestNifti.volume(W, H, N, LabelVolumesTest::classAt).storage(storage).write(new File(temp
				.getRoot(), storage + "-seg.nii"));
			final ImagePlus labels = NiftiVolumes.openLabels(seg, 0, Progress.NONE);
			final File out = new File(temp.getRoot(), "out/" + storage + "-labels.nii.gz");
			NiftiVolumes.writeLabels(labels, out, ct, Progress.NONE);
			final ImagePlus back = NiftiVolumes.openLabels(out, 0, Progress.NONE);
			for (int s = 1; s <= N; s++)
				assertArrayEquals(storage + " slice " + s, (short[]) labels.getStack().getPixels(s), (short[]) back
					.getStack().getPixels(s));
			final NiftiHeader reference = VoxelStream.header(ct);
			final NiftiHeader written = VoxelStream.header(out);
			for (int axis = 0; axis < 3; axis++)
				assertEquals(storage, reference.size(axis), written.size(axis));
			for (int r = 0; r < 3; r++)
				assertArrayEquals(storage, reference.affine()[r], written.affine()[r], 0);
			assertEquals(DataType.UINT8, written.dataType);
		}
	}

	@Test
	public void labelsBeyond255AreWrittenAsUint16() throws IOException {
		final File ct = TestNifti.volume(W, H, N, (x, y, z) -> x).write(temp.newFile("ct.nii.gz"));
		final ImagePlus labels = new ImagePlus("many", ImageStack.create(W, H, N, 16));
		labels.getStack().getProcessor(2).set(3, 4, 1000);
		final File out = new File(temp.getRoot(), "many.nii");
		NiftiVolumes.writeLabels(labels, out, ct, Progress.NONE);
		assertEquals(DataType.UINT16, VoxelStream.header(out).dataType);
		assertEquals(352 + W * H * N * 2, Files.size(out.toPath()));
		assertEquals(1, NiftiVolumes.openLabels(out, 0, Progress.NONE).getStack().getProcessor(2).get(3, 4));
	}

	@Test
	public void refusesWhatWouldNotOverlayTheReference() throws IOException {
		final File ct = TestNifti.volume(W, H, N, (x, y, z) -> x).storage("PSR").write(temp.newFile("ct.nii.gz"));
		final byte[] before = Files.readAllBytes(ct.toPath());
		final ImagePlus small = new ImagePlus("small", ImageStack.create(W, H - 1, N, 16));
		final File out = new File(temp.getRoot(), "out.nii.gz");
		assertRefused(() -> write(small, out, ct), "The labels 'small' are 9x5x2 but the reference " + ct +
			" opens as 9x6x2");
		final ImagePlus labels = new ImagePlus("labels", ImageStack.create(W, H, N, 16));
		assertRefused(() -> write(labels, ct, ct), "it is the reference volume");
		assertRefused(() -> write(labels, new File(temp.getRoot(), "labels.png"), ct), "written as .nii.gz");
		assertRefused(() -> write(new ImagePlus("float", ImageStack.create(W, H, N, 32)), out, ct),
			"must be an 8 or 16-bit label image");
		assertRefused(() -> write(labels, out, new File(temp.getRoot(), "nothing.nii.gz")), "No such NIfTI file");
		assertArrayEquals(before, Files.readAllBytes(ct.toPath()));
		assertFalse(out.exists());
		final File ctValues = TestNifti.volume(W, H, N, (x, y, z) -> 0.5 + x).datatype(16).write(temp.newFile(
			"float.nii.gz"));
		assertRefused(() -> {
			try {
				NiftiVolumes.openLabels(ctValues, 0, Progress.NONE);
			}
			catch (final IOException e) {
				throw new AssertionError(e);
			}
		}, "is not a label volume: slice 1, pixel (0, 0) holds 0.5");
	}

	private static void write(final ImagePlus labels, final File file, final File reference) {
		try {
			NiftiVolumes.writeLabels(labels, file, reference, Progress.NONE);
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	private static short[] shorts(final String... rows) {
		final short[] pixels = new short[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final char c = rows[y].charAt(x);
				pixels[y * W + x] = (short) (c == '.' ? 0 : c - '0');
			}
		return pixels;
	}
}
