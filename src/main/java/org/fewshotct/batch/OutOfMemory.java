package org.fewshotct.batch;

/** What a batch user reads when the Java heap is full: which command, how big the heap is, what to do. */
final class OutOfMemory {

	private static final long MB = 1024 * 1024;
	private static final long GB = 1024 * MB;

	private OutOfMemory() {}

	/** "Sobel Watershed Baseline: out of memory (the Java heap holds 64 MB); give Java more: JAVA_OPTS=-Xmx1g ..." */
	static String advice(final String command) {
		final long heap = Runtime.getRuntime().maxMemory();
		final long suggested = Math.max(1, (2 * heap + GB - 1) / GB);
		return command + ": out of memory (the Java heap holds " + heap / MB + " MB); give Java more, for example " +
			"JAVA_OPTS=-Xmx" + suggested + "g bin/imagej-batch ...";
	}
}
