package org.fewshotct.testing;

import org.fewshotct.core.Progress;

/** A progress whose user presses cancel once {@code n} units of work are reported done. */
public final class CancelAfter implements Progress {

	private final int n;
	private int done;

	public CancelAfter(final int n) {
		this.n = n;
	}

	@Override
	public void report(final int d, final int total) {
		done = d;
	}

	@Override
	public boolean isCancelled() {
		return done >= n;
	}
}
