package org.fewshotct.core.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import org.fewshotct.core.Progress;
import org.fewshotct.testing.Refusals;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FolderOutputTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void theFolderIsMarkedIncompleteUntilEveryFileIsWritten() throws IOException {
		final File folder = new File(temp.getRoot(), "labels");
		FolderOutput.write(folder, output -> {
			assertTrue(new File(folder, FolderOutput.MARKER).isFile());
			output.file("a.png", path -> Files.write(path, new byte[] { 1 }));
			output.file("sub/b.png", path -> Files.write(path, new byte[] { 2 }));
		});
		assertArrayEquals(new String[] { "a.png", "sub" }, sorted(folder.list()));
		assertArrayEquals(new String[] { "b.png" }, new File(folder, "sub").list());
		FolderOutput.requireComplete(folder);
	}

	@Test
	public void aStoppedWriteLeavesTheMarkerAndReadersRefuseTheFolder() throws IOException {
		final File folder = new File(temp.getRoot(), "labels");
		try {
			FolderOutput.write(folder, output -> {
				output.file("a.png", path -> Files.write(path, new byte[] { 1 }));
				throw new IOException("disk full");
			});
			fail("the failure was lost");
		}
		catch (final IOException expected) {
			assertEquals("disk full", expected.getMessage());
		}
		assertArrayEquals(new String[] { FolderOutput.MARKER, "a.png" }, sorted(folder.list()));
		Refusals.assertRefused(() -> FolderOutput.requireComplete(folder), "holds the marker file INCOMPLETE");
		Refusals.assertRefused(() -> SliceFolderReader.read(folder, Progress.NONE), "INCOMPLETE");
	}

	@Test
	public void theNextRunRemovesWhatAKilledRunLeft() throws IOException {
		final File folder = temp.newFolder("report");
		final File sub = new File(folder, "montage");
		assertTrue(sub.mkdir());
		Files.write(new File(folder, FolderOutput.MARKER).toPath(), "x".getBytes(StandardCharsets.UTF_8));
		final File[] leftovers = { new File(folder, ".a.png.partial-1.png"), new File(sub, ".s.png.partial-2"),
			new File(folder, ".c.csv.partial-3") };
		for (final File leftover : leftovers)
			assertTrue(leftover.getPath(), leftover.createNewFile() || leftover.mkdir());
		final File userFile = new File(folder, ".keep");
		assertTrue(userFile.createNewFile());
		FolderOutput.write(folder, output -> output.file("a.png", path -> Files.write(path, new byte[] { 1 })));
		for (final File leftover : leftovers)
			assertFalse(leftover.getPath(), leftover.exists());
		assertTrue(userFile.exists());
		assertFalse(new File(folder, FolderOutput.MARKER).exists());
	}

	private static String[] sorted(final String[] names) {
		Arrays.sort(names);
		return names;
	}
}
