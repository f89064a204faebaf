package org.fewshotct.spark;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.fewshotct.core.io.FolderOutput;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The blocks of one scan share its label folder and write into it at the same time. */
public class BlockSegmentationTest {

	@Rule
	public final TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void markingTheFolderLeavesAnotherBlocksWriteInFlightAlone() throws IOException {
		final File labels = new File(temp.getRoot(), "a/labels");
		// Another block of the scan is writing the marker through a temporary folder right now.
		final File otherWrite = new File(labels, "." + FolderOutput.MARKER + ".partial-123");
		assertTrue(otherWrite.mkdirs());
		final File otherMarker = new File(otherWrite, FolderOutput.MARKER);
		Files.write(otherMarker.toPath(), new byte[] { 'x' });

		BlockSegmentation.markIncomplete(labels);

		assertTrue(new File(labels, FolderOutput.MARKER).isFile());
		assertTrue("the other block's temporary file was removed under it", otherMarker.isFile());
	}
}
