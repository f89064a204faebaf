package org.fewshotct.testing;

import org.fewshotct.core.Progress;

/** A progress whose user presses cancel once {@code n} units of work are reported done. */
public final class CancelAfter implements Progress {

	private final int n;
	private int done;

	public CancelAfter(final int n) {
		this.n = n;
	}

	/** A progress whose user presses cancel once more than this share of the work is reported done. */
	public static Progress pastShare(final double share) {
		return new Progress() {

			private boolean past;

			@Override
			public void report(final int done, final int total) {
				past = done > share * total;
			}

			@Override
			public boolean isCancelled() {
				return past;
			}
		};
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
