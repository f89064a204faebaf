package org.fewshotct.core;

import java.util.Locale;

/**
 * Turns an OutOfMemoryError into a message a user can act on: which command ran out, how much memory Java had,
 * and how to give it more. Front ends (the ImageJ bridge, the batch launcher) catch the error and show this.
 */
public final class OutOfMemory {

	private OutOfMemory() {}

	/** The error as a refusal naming the command, with the ways to raise Java's memory. */
	public static UserInputException explained(final String command, final OutOfMemoryError error) {
		return new UserInputException(message(command), error);
	}

	/** The message for {@code command} running out of this JVM's heap. */
	public static String message(final String command) {
		return message(command, Runtime.getRuntime().maxMemory());
	}

	/** The message for {@code command} running out of a heap of {@code maxHeapBytes}. */
	public static String message(final String command, final long maxHeapBytes) {
		return String.format(Locale.ROOT, "%s ran out of memory (Java may use at most %s). Give Java more memory: " +
			"JAVA_OPTS=-Xmx%dg bin/imagej-batch ... in a batch run, or Edit > Options > Memory & Threads in Fiji and " +
			"ImageJ; or work on fewer slices at a time.", command, size(maxHeapBytes), suggestedGigabytes(
				maxHeapBytes));
	}

	private static String size(final long bytes) {
		if (bytes == Long.MAX_VALUE) return "all it could get";
		return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30)) : String.format(
			Locale.ROOT, "%d MB", bytes >> 20);
	}

	/** Twice the present limit, in whole gigabytes, at least 4. */
	private static long suggestedGigabytes(final long maxHeapBytes) {
		if (maxHeapBytes == Long.MAX_VALUE) return 16;
		return Math.max(4, (2 * maxHeapBytes + (1L << 30) - 1) >> 30);
	}
}
