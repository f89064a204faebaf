package org.fewshotct.core.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.fewshotct.testing.Refusals;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AtomicOutputTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void aNewFileIsReadableByOthersLikeAnySavedFile() throws IOException {
		final File report = new File(temp.getRoot(), "report/report.html");
		AtomicOutput.write(report, path -> Files.write(path, "<html/>".getBytes(StandardCharsets.UTF_8)));
		assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(report.toPath())));
		assertEquals(1, report.getParentFile().list().length);
	}

	@Test
	public void aReplacedFileKeepsItsPermissions() throws IOException {
		final File table = temp.newFile("table.csv");
		Files.setPosixFilePermissions(table.toPath(), PosixFilePermissions.fromString("rw-rw----"));
		AtomicOutput.write(table, path -> Files.write(path, "a,b".getBytes(StandardCharsets.UTF_8)));
		assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(table.toPath())));
		assertEquals("a,b", new String(Files.readAllBytes(table.toPath()), StandardCharsets.UTF_8));
	}

	@Test
	public void aFailedWriteLeavesNoFile() {
		final File out = new File(temp.getRoot(), "out.csv");
		try {
			AtomicOutput.write(out, path -> {
				throw new IOException("disk full");
			});
		}
		catch (final IOException expected) {
			assertEquals("disk full", expected.getMessage());
		}
		assertFalse(out.exists());
		assertEquals(0, temp.getRoot().list().length);
	}

	@Test
	public void refusesAWriteProtectedFileAndLeavesItUnchanged() throws IOException {
		final File table = temp.newFile("table.csv");
		Files.write(table.toPath(), "kept".getBytes(StandardCharsets.UTF_8));
		Files.setPosixFilePermissions(table.toPath(), PosixFilePermissions.fromString("r--r--r--"));
		Refusals.assertRefused(() -> write(table, "new"), table + " is write-protected");
		assertEquals("kept", new String(Files.readAllBytes(table.toPath()), StandardCharsets.UTF_8));
	}

	@Test
	public void aReadOnlyFolderIsPermissionDeniedNamingTheFolder() throws IOException {
		final File folder = temp.newFolder("read-only");
		Files.setPosixFilePermissions(folder.toPath(), PosixFilePermissions.fromString("r-xr-xr-x"));
		Refusals.assertRefused(() -> write(new File(folder, "out/x.csv"), "new"),
			"permission denied to write into the folder " + folder);
		assertEquals(0, folder.list().length);
	}

	@Test
	public void writesThroughAHiddenPartialFolderAndRemovesWhatAKilledWriteLeft() throws IOException {
		final File out = new File(temp.getRoot(), "y.csv");
		final File killedFolder = temp.newFolder(".y.csv.partial-123");
		Files.write(new File(killedFolder, "y.csv").toPath(), new byte[] { 1 });
		final File killedFile = temp.newFile(".y.csv.partial-456.csv");
		final File otherName = temp.newFile(".z.csv.partial-789");
		AtomicOutput.write(out, path -> {
			final String staging = path.getParent().getFileName().toString();
			assertTrue(staging, staging.startsWith(".y.csv.partial-") && !staging.endsWith(".csv"));
			assertEquals("y.csv", path.getFileName().toString());
			Files.write(path, "a".getBytes(StandardCharsets.UTF_8));
		});
		assertFalse(killedFolder.exists());
		assertFalse(killedFile.exists());
		assertTrue("only leftovers of this name go", otherName.exists());
		assertEquals("a", new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8));
	}

	private static void write(final File file, final String text) {
		try {
			AtomicOutput.write(file, path -> Files.write(path, text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
