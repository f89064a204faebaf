package org.fewshotct.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class OutOfMemoryTest {

	@Test
	public void namesTheCommandAndHowToGiveJavaMoreMemory() {
		final String message = OutOfMemory.message("Import Challenge Labels", 3L << 30);
		assertTrue(message, message.startsWith("Import Challenge Labels ran out of memory (Java may use at most 3.0 GB)"));
		assertTrue(message, message.contains("JAVA_OPTS=-Xmx6g bin/imagej-batch"));
		assertTrue(message, message.contains("Edit > Options > Memory & Threads"));
		assertTrue(OutOfMemory.message("x", 512L << 20), OutOfMemory.message("x", 512L << 20).contains(
			"at most 512 MB). Give Java more memory: JAVA_OPTS=-Xmx4g"));
	}

	@Test
	public void keepsTheErrorAsTheCause() {
		final OutOfMemoryError error = new OutOfMemoryError("Java heap space");
		final UserInputException explained = OutOfMemory.explained("Train U-Net", error);
		assertSame(error, explained.getCause());
		assertEquals(0, explained.getMessage().indexOf("Train U-Net ran out of memory"));
	}
}
