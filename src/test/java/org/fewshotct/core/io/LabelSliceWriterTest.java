package org.fewshotct.core.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.process.ByteProcessor;
import ij.process.LUT;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LabelSliceWriterTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void writesTheLabelValuesWhateverTheLookupTable() throws IOException {
		// A colour table shown on labels must not turn them into an indexed-colour PNG.
		final byte[] reds = new byte[256];
		for (int i = 0; i < 256; i++)
			reds[i] = (byte) (255 - i);
		final ImageStack stack = new ImageStack(5, 4);
		for (int s = 0; s < 12; s++) {
			final ByteProcessor slice = new ByteProcessor(5, 4);
			for (int i = 0; i < 20; i++)
				slice.set(i, (i * 7 + s) % 9);
			slice.setColorModel(new LUT(reds, new byte[256], new byte[256]));
			stack.addSlice("slice " + s + ".tif", slice);
		}
		final File folder = new File(temp.getRoot(), "labels");
		LabelSliceWriter.write(new ImagePlus("labels", stack), folder, 3, Progress.NONE);
		assertEquals(12, folder.list().length);
		for (int s = 0; s < 12; s++) {
			final ImagePlus read = new Opener().openImage(new File(folder, "slice " + s + ".png").getPath());
			assertEquals(8, read.getBitDepth());
			assertArrayEquals((byte[]) stack.getPixels(s + 1), (byte[]) read.getProcessor().getPixels());
		}
	}

	@Test
	public void refusesAFileAsTheFolder() throws IOException {
		final File file = temp.newFile("labels");
		try {
			LabelSliceWriter.write(new ImagePlus("l", new ByteProcessor(2, 2)), file, 1, Progress.NONE);
			fail();
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("Not a folder"));
		}
	}
}
