package org.fewshotct.command;

import ij.IJ;

import org.fewshotct.core.Progress;

/**
 * Progress of a core loop on ImageJ's progress bar and status line; Esc cancels. In Fiji these also reach
 * the SciJava status bar.
 */
public final class ImageJProgress implements Progress {

	private final String task;

	public ImageJProgress(final String task) {
		this.task = task;
		IJ.resetEscape();
	}

	@Override
	public void report(final int done, final int total) {
		IJ.showProgress(done, total);
		IJ.showStatus(task + ": " + done + "/" + total);
	}

	@Override
	public void status(final String message) {
		IJ.showStatus(task + ": " + message);
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed();
	}
}
