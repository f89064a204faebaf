package org.fewshotct.ij1;

import ij.IJ;
import ij.Macro;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.UserInputException;

/**
 * How a failing command ends, in the bridge and in Fiji alike: its message (the suite's, not a stack trace) is
 * shown, the calling macro is aborted, and the failure is remembered so {@code bin/imagej-batch} exits non-zero.
 */
public final class Failures {

	private static final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private Failures() {}

	/** Shows the message, aborts the calling macro and remembers the failure. */
	public static void report(final String label, final String message) {
		failures.add(label + ": " + message);
		IJ.showProgress(1.0);
		IJ.error(label, message);
		Macro.abort();
	}

	/**
	 * A command that ended with {@code cause}: cancelled (no message box), refused by the suite (its message) or
	 * failed unexpectedly (the stack trace to the log); in each case the macro stops and the run counts as failed.
	 */
	public static void ended(final String label, final Throwable cause) {
		if (cause instanceof CancelledException) cancelled(label);
		else if (cause instanceof UserInputException) report(label, cause.getMessage());
		else report(label, unexpected(label, cause));
	}

	/** A cancelled command: no message box, but the macro stops and the run counts as failed. */
	private static void cancelled(final String label) {
		IJ.showStatus(label + ": cancelled");
		IJ.showProgress(1.0);
		failures.add(label + ": cancelled");
		Macro.abort();
	}

	/** The message for an error that is no user's fault: its stack trace goes to the log, for a bug report. */
	private static String unexpected(final String label, final Throwable e) {
		IJ.log(label + " failed: " + e);
		for (final StackTraceElement element : e.getStackTrace())
			IJ.log("    at " + element);
		return "Failed: " + e;
	}

	/** Messages of the commands that failed or were cancelled in this JVM, oldest first. */
	public static List<String> all() {
		synchronized (failures) {
			return new ArrayList<>(failures);
		}
	}
}
