package org.fewshotct.batch;

/** Recognises a Java stack trace in logged text, as {@code Throwable.printStackTrace} writes it. */
final class StackTraceText {

	private static final String CAUSED_BY = "\nCaused by: ";

	private StackTraceText() {}

	/**
	 * When {@code text} is a stack trace (its first line starts with the name of a Throwable class, a line
	 * {@code \tat ...} follows), the first line of its root cause ({@code java.awt.HeadlessException},
	 * {@code java.io.IOException: message}); else null.
	 */
	static String exception(final String text) {
		if (!text.contains("\n\tat ")) return null;
		final String first = text.substring(0, text.indexOf('\n')).trim();
		final int colon = first.indexOf(':');
		if (!isThrowable(colon < 0 ? first : first.substring(0, colon))) return null;
		final int cause = text.lastIndexOf(CAUSED_BY);
		if (cause < 0) return first;
		final int causeEnd = text.indexOf('\n', cause + CAUSED_BY.length());
		return text.substring(cause + CAUSED_BY.length(), causeEnd < 0 ? text.length() : causeEnd).trim();
	}

	private static boolean isThrowable(final String className) {
		try {
			return Throwable.class.isAssignableFrom(Class.forName(className, false, StackTraceText.class.getClassLoader()));
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return false;
		}
	}
}
