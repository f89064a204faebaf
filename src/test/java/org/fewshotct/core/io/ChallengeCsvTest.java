package org.fewshotct.core.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;
import org.fewshotct.testing.CancelledProgress;
import org.fewshotct.testing.RealCt;
import org.fewshotct.testing.Refusals;
import org.fewshotct.testing.TestStacks;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ChallengeCsvTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void writeThenReadGivesTheSameStack() throws IOException {
		final ImagePlus labels = TestStacks.labels(40, 30, 3, 65535, 1);
		final File csv = temp.newFile("y.csv");
		ChallengeCsvWriter.write(labels, csv, 2, Progress.NONE);
		final ImagePlus back = ChallengeCsvReader.read(csv, 40, 30, 2, Progress.NONE);
		assertEquals(3, back.getStackSize());
		assertEquals(16, back.getBitDepth());
		for (int s = 1; s <= 3; s++) {
			assertArrayEquals((short[]) labels.getStack().getPixels(s), (short[]) back.getStack().getPixels(s));
			assertEquals("s" + (s - 1), back.getStack().getSliceLabel(s));
		}
	}

	@Test
	public void exportsAVirtualStack() throws IOException {
		final ImagePlus labels = TestStacks.labels(6, 5, 3, 300, 2);
		final File folder = temp.newFolder("virtual");
		final ij.VirtualStack virtual = new ij.VirtualStack(6, 5, null, folder.getPath() + File.separator);
		for (int s = 1; s <= 3; s++) {
			GrayPng.write(labels.getStack().getProcessor(s), new File(folder, s + ".png"));
			virtual.addSlice(s + ".png");
		}
		final File csv = temp.newFile("y.csv");
		ChallengeCsvWriter.write(new ImagePlus("virtual", virtual), csv, 2, Progress.NONE);
		final ImagePlus back = ChallengeCsvReader.read(csv, 6, 5, 2, Progress.NONE);
		for (int s = 1; s <= 3; s++)
			assertArrayEquals((short[]) labels.getStack().getPixels(s), (short[]) back.getStack().getPixels(s));
	}

	@Test
	public void writesThePandasLayout() throws IOException {
		final ImageStack stack = new ImageStack(2, 2);
		stack.addSlice("0.png", new short[] { 0, 1, 2, 3 });
		stack.addSlice("1.png", new short[] { 4, 0, (short) 65535, 7 });
		stack.addSlice("2.png", new short[] { 10, 99, 100, 1000 });
		final File csv = temp.newFile("y.csv");
		ChallengeCsvWriter.write(new ImagePlus("l", stack), csv, 1, Progress.NONE);
		assertEquals(",0.png,1.png,2.png\n0,0,4,10\n1,1,0,99\n2,2,65535,100\n3,3,7,1000\n", text(csv));
	}

	@Test
	public void readsALargeFileInChunksAcrossBlankLines() throws IOException {
		final ImageStack stack = randomLabels8();
		final String[] lines = text(write(stack)).split("\n");
		final StringBuilder withBlanks = new StringBuilder();
		for (int l = 0; l < lines.length; l++) {
			withBlanks.append(lines[l]).append(l % 3000 == 7 ? "\r\n" : "\n");
			if (l % 1000 == 999) withBlanks.append(l % 2000 == 999 ? "\n" : "  \r\n");
		}
		assertSameLabels(stack, ChallengeCsvReader.read(csv(withBlanks.append("\n \n").toString()), 0, 0, 3,
			Progress.NONE));
	}

	@Test
	public void readsRowsInFileOrderWhateverTheIndexColumnSays() throws IOException {
		assertPixels(read(",0,1\n3,5,6\n1,7,8\n2,9,10\n0,11,12\n"), 1, 5, 7, 9, 11);
		assertPixels(read(",0,1\na,5,6\nb,7,8\nc,9,10\nd,11,12\n"), 2, 6, 8, 10, 12);
		// An index that counts in thousands: rows still go in file order.
		assertPixels(read(",0,1\n0,5,6\n1000,7,8\n2000,9,10\n3000,11,12\n"), 1, 5, 7, 9, 11);
		// Numbered 0, 1, 2... but skipping a number deep in the file and repeating one later, so the total fits.
		final ImageStack stack = randomLabels8();
		final String[] lines = text(write(stack)).split("\n");
		final StringBuilder skipping = new StringBuilder(lines[0]).append('\n');
		for (int row = 0; row < lines.length - 1; row++) {
			final String line = lines[row + 1];
			final boolean renumbered = row >= 10000 && row < 14000;
			skipping.append(renumbered ? row + 1 + line.substring(line.indexOf(',')) : line).append('\n');
		}
		assertSameLabels(stack, ChallengeCsvReader.read(csv(skipping.toString()), 0, 0, 3, Progress.NONE));
	}

	@Test
	public void readsTheLastRowWithOrWithoutItsNewlineAndAfterBlankLines() throws IOException {
		for (final String end : new String[] { "", "\n", "\r\n", "\n\n \r\n  ", "\n\n" }) {
			final ImagePlus labels = read(",0,1\n0,5,6\n1,7,8\n2,9,10\n3,11,12" + end);
			assertPixels(labels, 1, 5, 7, 9, 11);
			assertPixels(labels, 2, 6, 8, 10, 12);
		}
	}

	@Test
	public void readsInFileOrderWhenTheLastRowIsMisnumbered() throws IOException {
		// The last index says 3 rows, or 5: the rows are counted instead, and the file order holds.
		assertPixels(read(",0,1\n0,5,6\n1,7,8\n2,9,10\n2,11,12\n"), 1, 5, 7, 9, 11);
		assertPixels(read(",0,1\n0,5,6\n1,7,8\n2,9,10\n4,11,12\n"), 1, 5, 7, 9, 11);
		// Nine rows, the last numbered 15: 16 rows would make a square too, but the parse finds nine.
		final StringBuilder nine = new StringBuilder(",0\n");
		for (int row = 0; row < 9; row++)
			nine.append(row == 8 ? 15 : row).append(',').append(row + 1).append('\n');
		final ImagePlus three = read(nine.toString());
		assertEquals(3, three.getWidth());
		assertPixels(three, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		// Deep in a file of many chunks.
		final ImageStack stack = randomLabels8();
		final String text = text(write(stack));
		final int lastLine = text.lastIndexOf('\n', text.length() - 2) + 1;
		final String misnumbered = text.substring(0, lastLine) + "7" + text.substring(text.indexOf(',', lastLine));
		assertSameLabels(stack, ChallengeCsvReader.read(csv(misnumbered), 0, 0, 3, Progress.NONE));
	}

	@Test
	public void oneThreadAndManyReadTheSameStack() throws IOException {
		final ImageStack stack = randomLabels8();
		final String text = text(write(stack)).replace("\n", "\r\n");
		for (final int threads : new int[] { 1, 2, 5 })
			assertSameLabels(stack, ChallengeCsvReader.read(csv(text), 0, 0, threads, Progress.NONE));
	}

	@Test
	public void readsCellsOfEveryWidth() throws IOException {
		final ImagePlus labels = read(",a,b,c,d,e,f\n0,0,9,10,99,100,65535\n1,07,1,2,3,4,5\n2,1,2,3,4,5,6\n" +
			"3,1,2,3,4,5,60\r\n");
		assertPixels(labels, 1, 0, 7, 1, 1);
		assertPixels(labels, 2, 9, 1, 2, 2);
		assertPixels(labels, 3, 10, 2, 3, 3);
		assertPixels(labels, 4, 99, 3, 4, 4);
		assertPixels(labels, 5, 100, 4, 5, 5);
		assertPixels(labels, 6, 65535, 5, 6, 60);
	}

	@Test
	public void readsFourOneDigitCellsAsOneWord() {
		assertEquals(0x0007_0000_0000_0003L, RowParser.fourDigitCells(word(",3,0,0,7")));
		assertEquals(0x0009_0009_0009_0009L, RowParser.fourDigitCells(word(",9,9,9,9")));
		// The neighbours of '0' and '9', a second digit, a missing comma: not four one-digit cells.
		for (final String other : new String[] { ",/,0,0,0", ",0,:,0,0", ",0,0,12,", ",0,0,0,a", "0,0,0,0,", ",0,0,0 1" })
			assertEquals(other, -1, RowParser.fourDigitCells(word(other)));
	}

	@Test
	public void readsPandasDefaultHeader() throws IOException {
		final ImagePlus labels = read(",0,1\n0,5,6\n1,7,8\n2,9,10\n3,11,12\n");
		assertEquals(2, labels.getWidth());
		assertPixels(labels, 1, 5, 7, 9, 11);
		assertPixels(labels, 2, 6, 8, 10, 12);
		assertEquals("1", labels.getStack().getSliceLabel(2));
	}

	@Test
	public void readsSliceNamesAndPixelNamesAndWindowsLineEnds() throws IOException {
		final ImagePlus labels = read("Pixel,a.png,\"b,2.png\"\r\nPixel 0,1,2\r\nPixel 1,3,4.0\r\nPixel 2,5,6\r\n" +
			"Pixel 3,7,8\r\n\r\n");
		assertEquals("a.png", labels.getStack().getSliceLabel(1));
		assertEquals("b,2.png", labels.getStack().getSliceLabel(2));
		assertPixels(labels, 2, 2, 4, 6, 8);
	}

	@Test
	public void readsQuotedCellsAsPandasDoes() throws IOException {
		// pandas' to_csv(quoting=csv.QUOTE_ALL); read_csv gives the numbers.
		final ImagePlus labels = read("\"\",\"0\",\"1\"\n\"0\",\"5\",\"6\"\n\"1\",\"7\",\"8.0\"\n\"2\",9,\"10\"\n" +
			"\"3\",\"11\",\"12\"\n");
		assertPixels(labels, 1, 5, 7, 9, 11);
		assertPixels(labels, 2, 6, 8, 10, 12);
		assertRefused(",0,1\n0,1,2\n1,\"1,2\n2,1,2\n3,1,2\n", "line 3: cell in column '0' is not a non-negative integer: '\"1'");
	}

	@Test
	public void reportsACellAsItIsWritten() throws IOException {
		assertRefused(",0,1\n0,1,2\n1,1, 7\n2,1,2\n3,1,2\n", "line 3: cell in column '1' is not a non-negative integer: ' 7'");
	}

	@Test
	public void aFolderIsNotACsvFile() throws IOException {
		final File folder = temp.newFolder("y.csv");
		Refusals.assertRefused(() -> {
			try {
				ChallengeCsvReader.read(folder, 0, 0, 1, Progress.NONE);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		}, folder + " is a folder, not a CSV file");
	}

	@Test
	public void widthAndHeightOverrideTheSquareGuess() throws IOException {
		final File csv = csv(",0\n0,1\n1,2\n2,3\n3,4\n4,5\n5,6\n");
		final ImagePlus labels = ChallengeCsvReader.read(csv, 3, 2, 1, Progress.NONE);
		assertEquals(3, labels.getWidth());
		assertEquals(2, labels.getHeight());
		assertPixels(labels, 1, 1, 2, 3, 4, 5, 6);
	}

	@Test
	public void refusesARowCountThatIsNoSquare() throws IOException {
		assertRefused(",0\n0,1\n1,2\n2,3\n", "3 pixel rows");
	}

	@Test
	public void refusesARowCountThatIsNotWidthTimesHeight() throws IOException {
		try {
			ChallengeCsvReader.read(csv(",0\n0,1\n1,2\n2,3\n3,4\n"), 3, 2, 1, Progress.NONE);
			fail();
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("4 pixel rows") && e.getMessage().contains("3 x 2"));
		}
	}

	@Test
	public void refusesBadCellsNamingLineAndColumn() throws IOException {
		assertRefused(",0,1\n0,1,2\n1,1,2.5\n2,1,2\n3,1,2\n", "line 3");
		assertRefused(",0,1\n0,1,2\n1,1,2\n2,-1,2\n3,1,2\n", "line 4: cell in column '0' is not a non-negative integer: '-1'");
		assertRefused(",0,1\n0,1,2\n1,1,x\n2,1,2\n3,1,2\n", "'x'");
		assertRefused(",0,1\n0,1,2\n1,1,65536\n2,1,2\n3,1,2\n", "line 3: label above 65535");
		assertRefused(",0,1\n0,1,2\n1,1\n2,1,2\n3,1,2\n", "line 3: has 2 columns, expected 3");
		assertRefused(",0,1\n0,1,2\n1,1,2\n2,1,2,3\n3,1,2\n", "line 4: has more than 3 columns");
		assertRefused(",0,1\n0,1,2\n1,1,\n2,1,2\n3,1,2\n", "line 3");
	}

	@Test
	public void refusesAMissingFileOrHeader() throws IOException {
		assertRefused("", "header");
		try {
			ChallengeCsvReader.read(new File(temp.getRoot(), "missing.csv"), 0, 0, 1, Progress.NONE);
			fail();
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage().contains("missing.csv"));
		}
	}

	@Test
	public void aCancelledExportLeavesTheEarlierFileIntact() throws IOException {
		final File csv = temp.newFile("y.csv");
		Files.write(csv.toPath(), "earlier".getBytes(StandardCharsets.UTF_8));
		final Progress cancelled = CancelledProgress.INSTANCE;
		try {
			ChallengeCsvWriter.write(TestStacks.labels(200, 200, 2, 9, 3), csv, 2, cancelled);
			fail();
		}
		catch (final CancelledException expected) {
			assertEquals("earlier", text(csv));
			assertEquals(1, temp.getRoot().list().length);
		}
	}

	@Test
	public void refusesToExportAFloatImage() throws IOException {
		final File csv = new File(temp.getRoot(), "y.csv");
		try {
			ChallengeCsvWriter.write(new ImagePlus("ct", new ij.process.FloatProcessor(4, 4)), csv, 1, Progress.NONE);
			fail();
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage().contains("32-bit"));
			assertFalse(csv.exists());
		}
	}

	@Test
	public void readsTheRealChallengeCsvLikeThePngLabels() throws IOException {
		final File labelsFolder = RealCt.folder("ts_dicom_train/labels");
		final ImagePlus fromCsv = ChallengeCsvReader.read(new File(labelsFolder.getParentFile(), "y.csv"), 0, 0, 2,
			Progress.NONE);
		final ImagePlus fromPngs = SliceFolderReader.read(labelsFolder, Progress.NONE);
		assertEquals(fromPngs.getStackSize(), fromCsv.getStackSize());
		for (int s = 1; s <= fromCsv.getStackSize(); s++) {
			final ImageProcessor png = fromPngs.getStack().getProcessor(s);
			final ImageProcessor csv = fromCsv.getStack().getProcessor(s);
			for (int i = 0; i < png.getPixelCount(); i++)
				assertEquals("slice " + s + " pixel " + i, png.get(i), csv.get(i));
		}
	}

	/** 8-bit labels of one to three digits, 128 x 128 x 12: about 500 KB of CSV, several chunks per thread. */
	private static ImageStack randomLabels8() {
		final ImageStack stack = new ImageStack(128, 128);
		final java.util.Random random = new java.util.Random(5);
		for (int s = 0; s < 12; s++) {
			final byte[] pixels = new byte[128 * 128];
			// In runs of 8 pixels: labels come in flat regions, and scattered values would be refused as CT.
			for (int i = 0; i < pixels.length; i++)
				pixels[i] = i % 8 != 0 ? pixels[i - 1] : (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0);
			stack.addSlice("s" + s, pixels);
		}
		return stack;
	}

	private File write(final ImageStack stack) throws IOException {
		final File csv = temp.newFile();
		ChallengeCsvWriter.write(new ImagePlus("l", stack), csv, 2, Progress.NONE);
		return csv;
	}

	private static long word(final String eightBytes) {
		return java.nio.ByteBuffer.wrap(eightBytes.getBytes(StandardCharsets.US_ASCII)).order(
			java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
	}

	private static void assertSameLabels(final ImageStack expected, final ImagePlus actual) {
		assertEquals(expected.getSize(), actual.getStackSize());
		for (int s = 1; s <= expected.getSize(); s++)
			for (int i = 0; i < expected.getProcessor(s).getPixelCount(); i++)
				assertEquals("slice " + s + " pixel " + i, expected.getProcessor(s).get(i), actual.getStack()
					.getProcessor(s).get(i));
	}

	private ImagePlus read(final String content) throws IOException {
		return ChallengeCsvReader.read(csv(content), 0, 0, 2, Progress.NONE);
	}

	private File csv(final String content) throws IOException {
		final File csv = temp.newFile();
		Files.write(csv.toPath(), content.getBytes(StandardCharsets.UTF_8));
		return csv;
	}

	private void assertRefused(final String content, final String messagePart) throws IOException {
		try {
			read(content);
			fail("accepted: " + content);
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
		}
	}

	private static void assertPixels(final ImagePlus image, final int slice, final int... expected) {
		final ImageProcessor ip = image.getStack().getProcessor(slice);
		for (int i = 0; i < expected.length; i++)
			assertEquals("pixel " + i, expected[i], ip.get(i));
	}

	private static String text(final File file) throws IOException {
		return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
	}
}
