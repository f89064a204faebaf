package org.fewshotct.core.io;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.process.ShortProcessor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.Progress;
import org.fewshotct.testing.DicomWriter;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Open CT Slices on DICOM folders: recognised by content, one series, ordered as the scanner placed them. */
public class DicomSeriesReaderTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	/** Each test slice holds one HU value everywhere but a ramp in its first row, so slices tell apart. */
	private static double[] slice(final double hu) {
		final double[] values = new double[4 * 3];
		for (int i = 0; i < values.length; i++)
			values[i] = hu + (i < 4 ? 10 * i : 0);
		return values;
	}

	private static void write(final DicomWriter writer, final File file, final double hu) throws IOException {
		writer.write(file, 4, 3, slice(hu));
	}

	/** The HU of the first pixel of each slice, in stack order. */
	private static double[] firstHu(final ImagePlus image) {
		final HounsfieldScale scale = HounsfieldScale.of(image);
		final double[] hu = new double[image.getStackSize()];
		for (int s = 1; s <= hu.length; s++)
			hu[s - 1] = scale.hu(image.getStack().getProcessor(s).getf(0));
		return hu;
	}

	@Test
	public void readsFilesWithoutExtensionInHounsfieldUnitsLabelledWithTheirNames() throws IOException {
		final File folder = temp.newFolder("series");
		final DicomWriter writer = DicomWriter.signedHu();
		write(writer.position(0, 0, 1), new File(folder, "IM0001"), -1000);
		write(writer.position(0, 0, 2), new File(folder, "IM0002.dcm"), 40);
		Files.write(new File(folder, "README.txt").toPath(), "not a slice".getBytes());
		Files.write(new File(folder, "DICOMDIR").toPath(), new byte[200]);
		final ImagePlus image = SliceFolderReader.read(folder, 2, Progress.NONE);
		assertEquals("series", image.getTitle());
		assertEquals(16, image.getBitDepth());
		assertTrue(image.getCalibration().calibrated());
		assertEquals("IM0001", image.getStack().getSliceLabel(1));
		assertEquals("IM0002.dcm", image.getStack().getSliceLabel(2));
		assertEquals(-1000, firstHu(image)[0], 0);
		assertEquals(40, firstHu(image)[1], 0);
		final HounsfieldScale scale = HounsfieldScale.of(image);
		assertEquals(70, scale.hu(image.getStack().getProcessor(2).getf(3)), 0);
		assertEquals(0.5, image.getCalibration().pixelWidth, 0);
		assertEquals(folder.getCanonicalFile(), SourceFiles.of(image));
	}

	@Test
	public void ordersByPositionAlongTheSliceNormal() throws IOException {
		final File axial = temp.newFolder("axial");
		final DicomWriter writer = DicomWriter.unsignedHu();
		write(writer.position(0, 0, 30).instance(1), new File(axial, "a"), 300);
		write(writer.position(0, 0, -10).instance(2), new File(axial, "b"), -100);
		write(writer.position(0, 0, 10).instance(3), new File(axial, "c"), 100);
		assertArrayEquals(new double[] { -100, 100, 300 }, firstHu(SliceFolderReader.read(axial, 1, Progress.NONE)));
		// Sagittal slices: rows along y, columns along -z, so the normal is -x.
		final File sagittal = temp.newFolder("sagittal");
		final DicomWriter side = writer.orientation(0, 1, 0, 0, 0, -1);
		write(side.position(5, 0, 0), new File(sagittal, "1"), 5);
		write(side.position(-5, 0, 0), new File(sagittal, "2"), -5);
		write(side.position(0, 0, 0), new File(sagittal, "3"), 0);
		assertArrayEquals(new double[] { 5, 0, -5 }, firstHu(SliceFolderReader.read(sagittal, 1, Progress.NONE)));
	}

	@Test
	public void ordersByInstanceNumberWhenPositionsDoNotDifferAlongTheNormal() throws IOException {
		final File folder = temp.newFolder("instances");
		final DicomWriter writer = DicomWriter.signedHu();
		write(writer.position(1, 0, 0).instance(3), new File(folder, "a"), 3);
		write(writer.position(2, 0, 0).instance(1), new File(folder, "b"), 1);
		write(writer.position(3, 0, 0).instance(2), new File(folder, "c"), 2);
		assertArrayEquals(new double[] { 1, 2, 3 }, firstHu(SliceFolderReader.read(folder, 1, Progress.NONE)));
	}

	@Test
	public void ordersByNaturalFileNameWhenPositionsAndInstancesAreAllEqual() throws IOException {
		final File folder = temp.newFolder("names");
		final DicomWriter writer = DicomWriter.signedHu().position(0, 0, 0).instance(0);
		write(writer, new File(folder, "image_10"), 10);
		write(writer, new File(folder, "image_2"), 2);
		write(writer, new File(folder, "image_1"), 1);
		final ImagePlus image = SliceFolderReader.read(folder, 2, Progress.NONE);
		assertArrayEquals(new double[] { 1, 2, 10 }, firstHu(image));
		assertEquals("image_10", image.getStack().getSliceLabel(3));
	}

	@Test
	public void refusesAFolderOfSeveralSeriesNamingThem() throws IOException {
		final File folder = temp.newFolder("mixed-series");
		write(DicomWriter.signedHu().series("1.2.3.4"), new File(folder, "a"), 0);
		write(DicomWriter.signedHu().series("1.2.3.5"), new File(folder, "b"), 0);
		write(DicomWriter.signedHu().series("1.2.3.5"), new File(folder, "c"), 0);
		assertRefused(() -> SliceFolderReader.read(folder, 1, Progress.NONE), "holds 2 DICOM series; Open CT Slices " +
			"reads one series per folder, so move each into a folder of its own. Series: 1.2.3.4: 1 files, e.g. a; " +
			"1.2.3.5: 2 files, e.g. b");
	}

	@Test
	public void refusesCompressedPixelsNamingTheFileTheSyntaxAndHowToDecompress() throws IOException {
		final File folder = temp.newFolder("jpeg2000");
		final File file = new File(folder, "x.dcm");
		write(DicomWriter.signedHu().syntax("1.2.840.10008.1.2.4.90"), file, 0);
		assertRefused(() -> SliceFolderReader.read(folder, 1, Progress.NONE), "Cannot read DICOM file " + file +
			": its pixels are compressed (transfer syntax 1.2.840.10008.1.2.4.90, JPEG 2000 Lossless)");
		assertRefused(() -> SliceFolderReader.read(folder, 1, Progress.NONE), "gdcmconv --raw");
	}

	@Test
	public void refusesAFolderMixingDicomAndPngSlices() throws IOException {
		final File folder = temp.newFolder("both");
		write(DicomWriter.signedHu(), new File(folder, "scan"), 0);
		final ImagePlus png = new ImagePlus("", new ShortProcessor(4, 3));
		new ij.io.FileSaver(png).saveAsPng(new File(folder, "001.png").getPath());
		assertRefused(() -> SliceFolderReader.read(folder, 1, Progress.NONE), "mixes 1 DICOM files (e.g. scan) with " +
			"1 PNG or TIFF slices (e.g. 001.png)");
	}

	private static void assertArrayEquals(final double[] expected, final double[] actual) {
		org.junit.Assert.assertArrayEquals(expected, actual, 0);
	}
}
