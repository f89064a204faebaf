package org.fewshotct.core.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class GrayPngTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	/** Written here, read back here and by ImageJ; written by ImageJ (filtered rows), read here. */
	@Test
	public void roundTripsWithImageJ() throws IOException {
		final Random random = new Random(11);
		final byte[] bytes = new byte[37 * 23];
		random.nextBytes(bytes);
		final short[] shorts = new short[37 * 23];
		for (int i = 0; i < shorts.length; i++)
			shorts[i] = (short) (i % 7 == 0 ? random.nextInt(65536) : i / 37 * 300 + i % 37);
		for (final ImageProcessor slice : new ImageProcessor[] { new ByteProcessor(37, 23, bytes),
			new ShortProcessor(37, 23, shorts, null) })
		{
			final File ours = temp.newFile();
			GrayPng.write(slice, ours);
			assertArrayEquals(pixels(slice), pixels(GrayPng.read(ours)));
			assertArrayEquals(pixels(slice), pixels(new Opener().openImage(ours.getPath()).getProcessor()));
			final File imagej = new File(temp.getRoot(), "imagej-" + slice.getBitDepth() + ".png");
			new FileSaver(new ImagePlus("", slice)).saveAsPng(imagej.getPath());
			final ImageProcessor read = GrayPng.read(imagej);
			assertEquals(slice.getBitDepth(), read.getBitDepth());
			assertArrayEquals(pixels(slice), pixels(read));
		}
	}

	/** A CT crop written by PIL (the fixture script), read as ImageJ reads it. */
	@Test
	public void readsAFixtureWrittenByPil() throws Exception {
		final File file = new File(getClass().getResource("/org/fewshotct/core/baseline/crop-phantom-abdomen.png")
			.toURI());
		assertArrayEquals(pixels(new Opener().openImage(file.getPath()).getProcessor()), pixels(GrayPng.read(file)));
		final File labels = new File(getClass().getResource(
			"/org/fewshotct/core/baseline/crop-phantom-abdomen-skimage.png").toURI());
		assertArrayEquals(pixels(new Opener().openImage(labels.getPath()).getProcessor()), pixels(GrayPng.read(
			labels)));
	}

	/** The branch-free Paeth predictor against the PNG specification's, on every triple of byte values. */
	@Test
	public void paethPredictorFollowsTheSpecification() {
		for (int a = 0; a < 256; a++)
			for (int b = 0; b < 256; b++)
				for (int c = 0; c < 256; c++) {
					final int p = a + b - c;
					final int pa = Math.abs(p - a);
					final int pb = Math.abs(p - b);
					final int pc = Math.abs(p - c);
					final int expected = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
					if (GrayPng.paeth(a, b, c) != expected) assertEquals(a + "," + b + "," + c, expected, GrayPng.paeth(a,
						b, c));
				}
	}

	@Test
	public void leavesOtherImagesToImageJ() throws IOException {
		final File rgb = new File(temp.getRoot(), "rgb.png");
		new FileSaver(new ImagePlus("", new ColorProcessor(4, 4))).saveAsPng(rgb.getPath());
		assertNull(GrayPng.read(rgb));
		final File text = temp.newFile("not.png");
		Files.write(text.toPath(), "not a png".getBytes("UTF-8"));
		assertNull(GrayPng.read(text));
	}

	@Test
	public void refusesACorruptFile() throws IOException {
		final File file = temp.newFile();
		GrayPng.write(new ByteProcessor(8, 8), file);
		final byte[] bytes = Files.readAllBytes(file.toPath());
		bytes[42] ^= 1; // inside the image data: its checksum no longer matches
		Files.write(file.toPath(), bytes);
		try {
			GrayPng.read(file);
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("bad checksum"));
			return;
		}
		throw new AssertionError("a corrupt PNG was read");
	}

	/** The pixel values, with the bit depth first so that 8 and 16-bit slices never look equal. */
	private static int[] pixels(final ImageProcessor slice) {
		final int[] values = new int[slice.getPixelCount() + 1];
		values[0] = slice.getBitDepth();
		for (int i = 1; i < values.length; i++)
			values[i] = slice.get(i - 1);
		return values;
	}
}
