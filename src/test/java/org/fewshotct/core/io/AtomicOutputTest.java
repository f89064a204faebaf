package org.fewshotct.core.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

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
}
