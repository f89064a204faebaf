package org.fewshotct.ij1;

/**
 * Lets a macro fail the way a command does: {@code call("org.fewshotct.ij1.MacroError.raise", "message")}
 * shows the message, aborts the macro and makes {@code bin/imagej-batch} exit non-zero with it on stderr.
 * ImageJ's own {@code exit("message")} ends a batch run as a success.
 */
public final class MacroError {

	private MacroError() {}

	/** Called from macros through {@code call()}, which needs a String result; it never returns normally. */
	public static String raise(final String message) {
		Failures.report("Macro", message);
		return message;
	}
}
