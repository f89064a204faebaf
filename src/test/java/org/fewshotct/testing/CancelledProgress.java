package org.fewshotct.testing;

import org.fewshotct.core.Progress;

/** A progress whose user has already pressed cancel: long work must stop at its first check. */
public final class CancelledProgress implements Progress {

	public static final Progress INSTANCE = new CancelledProgress();

	private CancelledProgress() {}

	@Override
	public void report(final int done, final int total) {}

	@Override
	public boolean isCancelled() {
		return true;
	}
}
