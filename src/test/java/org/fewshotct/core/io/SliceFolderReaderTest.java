package org.fewshotct.core.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;
import org.fewshotct.testing.RealCt;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SliceFolderReaderTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void readsSlicesInNaturalOrderLabelledWithFileNames() throws IOException {
		final File folder = temp.newFolder("ct");
		for (final int n : new int[] { 10, 2, 1 })
			png(new File(folder, n + ".png"), new ShortProcessor(3, 2), n);
		Files.write(new File(folder, "notes.txt").toPath(), new byte[] { 1 });
		final ImagePlus stack = SliceFolderReader.read(folder, Progress.NONE);
		assertEquals(3, stack.getStackSize());
		assertEquals(16, stack.getBitDepth());
		assertEquals("1.png", stack.getStack().getSliceLabel(1));
		assertEquals("2.png", stack.getStack().getSliceLabel(2));
		assertEquals("10.png", stack.getStack().getSliceLabel(3));
		assertEquals(10, stack.getStack().getProcessor(3).get(0));
	}

	@Test
	public void readsEightBitAndThirtyTwoBitTiff() throws IOException {
		final File folder = temp.newFolder("ct");
		final FloatProcessor hu = new FloatProcessor(2, 2, new float[] { -1000.5f, 0, 40, 3000 });
		new FileSaver(new ImagePlus("", hu)).saveAsTiff(new File(folder, "a.tif").getPath());
		assertEquals(-1000.5f, SliceFolderReader.read(folder, Progress.NONE).getProcessor().getf(0), 0);
		final File bytes = temp.newFolder("ct8");
		png(new File(bytes, "a.png"), new ByteProcessor(2, 2), 200);
		assertEquals(8, SliceFolderReader.read(bytes, Progress.NONE).getBitDepth());
	}

	@Test
	public void keepsTheHounsfieldCalibrationAndPixelSizeOfTiffSlices() throws IOException {
		final File folder = temp.newFolder("signed");
		for (final String name : new String[] { "1", "2" }) {
			final ImagePlus signed = new ImagePlus("", new ShortProcessor(2, 1, new short[] { (short) (32768 - 1000),
				(short) (32768 + 40) }, null));
			signed.getCalibration().setSigned16BitCalibration();
			signed.getCalibration().pixelWidth = 0.7;
			signed.getCalibration().pixelHeight = 0.7;
			signed.getCalibration().setUnit("mm");
			new FileSaver(signed).saveAsTiff(new File(folder, name + ".tif").getPath());
		}
		final ImagePlus read = SliceFolderReader.read(folder, Progress.NONE);
		final HounsfieldScale scale = HounsfieldScale.of(read);
		assertEquals(-1000, scale.hu(read.getStack().getProcessor(2).getf(0)), 0);
		assertEquals(40, scale.hu(read.getStack().getProcessor(2).getf(1)), 0);
		assertEquals(0.7, read.getCalibration().pixelWidth, 1e-6); // TIFF stores a rational
		assertEquals(0.7, read.getCalibration().pixelHeight, 1e-6);
		assertEquals("mm", read.getCalibration().getUnit());
		new FileSaver(new ImagePlus("", new ShortProcessor(2, 1))).saveAsTiff(new File(folder, "3.tif").getPath());
		assertRefused(folder, "3.tif is uncalibrated, but the first slice is calibrated with coefficients " +
			"[-32768.0, 1.0]");
	}

	@Test
	public void refusesMissingAndEmptyFolders() throws IOException {
		assertRefused(new File(temp.getRoot(), "missing"), "Not a folder");
		assertRefused(temp.newFolder("empty"), "No PNG, TIFF or DICOM slices");
	}

	@Test
	public void refusesANonImageFileNamingIt() throws IOException {
		final File folder = temp.newFolder("ct");
		png(new File(folder, "0.png"), new ShortProcessor(3, 2), 1);
		Files.write(new File(folder, "1.png").toPath(), "not an image".getBytes());
		assertRefused(folder, "1.png");
	}

	@Test
	public void refusesTextOrEmptyFilesNamedAsImagesSayingWhatTheyAre() throws IOException {
		final File text = temp.newFolder("text");
		Files.write(new File(text, "fake.png").toPath(), "hello\n".getBytes());
		assertRefused(text, "The slice file " + new File(text, "fake.png") + " is not a PNG image: its content is text");
		final File tiffAsPng = temp.newFolder("tiff-as-png");
		new FileSaver(new ImagePlus("", new ByteProcessor(2, 2))).saveAsTiff(new File(tiffAsPng, "a.png").getPath());
		assertRefused(tiffAsPng, "is not a PNG image: its content is a TIFF image");
		for (final String name : new String[] { "0.png", "0.tif" }) {
			final File empty = temp.newFolder("empty-" + name);
			assertTrue(new File(empty, name).createNewFile());
			assertRefused(empty, "The slice file " + new File(empty, name) + " is empty (0 bytes)");
		}
	}

	@Test
	public void anUnreadableFolderIsNotCalledEmpty() throws IOException {
		final File folder = temp.newFolder("locked");
		png(new File(folder, "0.png"), new ShortProcessor(3, 2), 1);
		Files.setPosixFilePermissions(folder.toPath(), PosixFilePermissions.fromString("-wx-wx-wx"));
		assertRefused(folder, "Cannot read the folder " + folder + ": permission denied");
	}

	@Test
	public void refusesSlicesOfDifferentSizesOrDepths() throws IOException {
		final File sizes = temp.newFolder("sizes");
		png(new File(sizes, "0.png"), new ShortProcessor(3, 2), 1);
		png(new File(sizes, "1.png"), new ShortProcessor(3, 3), 1);
		assertRefused(sizes, "1.png is 3x3, but the first slice is 3x2");
		final File depths = temp.newFolder("depths");
		png(new File(depths, "0.png"), new ShortProcessor(3, 2), 1);
		png(new File(depths, "1.png"), new ByteProcessor(3, 2), 1);
		assertRefused(depths, "8-bit, but the first slice is 16-bit");
	}

	@Test
	public void readsTheRealSixteenBitSlices() {
		final ImagePlus ct = SliceFolderReader.read(RealCt.folder("ts_dicom_train/images"), Progress.NONE);
		assertEquals(10, ct.getStackSize());
		assertEquals(512, ct.getWidth());
		assertEquals(16, ct.getBitDepth());
		assertEquals("000.png", ct.getStack().getSliceLabel(1));
	}

	private static void png(final File file, final ImageProcessor ip, final int value) {
		ip.set(0, value);
		assertTrue(new FileSaver(new ImagePlus("", ip)).saveAsPng(file.getPath()));
	}

	private static void assertRefused(final File folder, final String messagePart) {
		try {
			SliceFolderReader.read(folder, Progress.NONE);
			fail("accepted " + folder);
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
		}
	}
}
