package org.fewshotct.command;

import org.scijava.Cancelable;
import org.scijava.command.Command;

/**
 * A Few-Shot CT command: its work is {@link #execute()}, and what stops that work (bad input, a cancel, a bug)
 * is kept as its {@link #failure()} rather than thrown, the command then counting as cancelled. In Fiji an
 * exception out of a command passes through SciJava's module runner and imagej-legacy to ImageJ's command
 * runner, which shows its stack trace after the suite's message; a cancelled command ends normally and the
 * front end reports the failure (in Fiji {@code org.fewshotct.fiji.FailureReportService}, in plain ImageJ
 * {@code org.fewshotct.ij1.CommandBridge}). Running out of memory is not kept: it reaches ImageJ, which says
 * how to give Java more.
 */
public abstract class SuiteCommand implements Command, Cancelable {

	private Throwable failure;
	private String cancelReason;

	/** The command's work, which may throw. */
	protected abstract void execute();

	@Override
	public final void run() {
		failure = null;
		try {
			execute();
		}
		catch (final RuntimeException | LinkageError e) { // LinkageError: a dependency missing from the install
			failure = e;
		}
	}

	/** What stopped the last run, or null if it completed. */
	public Throwable failure() {
		return failure;
	}

	@Override
	public boolean isCanceled() {
		return failure != null || cancelReason != null;
	}

	/** Called by SciJava when a preprocessor cancels the command's module. */
	@Override
	public void cancel(final String reason) {
		cancelReason = reason == null ? "" : reason;
	}

	/** None for a failure: the front end shows its message, and Fiji would show a reason a second time. */
	@Override
	public String getCancelReason() {
		return cancelReason == null || cancelReason.isEmpty() ? null : cancelReason;
	}
}
