package org.fewshotct.core;

/**
 * Where long core loops report progress and learn that the user cancelled. Core code has no UI; commands
 * forward this to ImageJ's progress bar and status line.
 */
public interface Progress {

	/** A progress that shows nothing and is never cancelled. */
	Progress NONE = new Progress() {
		@Override
		public void report(final int done, final int total) {}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};

	/** {@code done} of {@code total} units of work are finished. */
	void report(int done, int total);

	/** True once the user asked to stop; loops then throw {@link CancelledException}. */
	boolean isCancelled();

	/** A short description of the current step, for a status line; ignored by default. */
	default void status(final String message) {}

	/** This progress's cancel without its reports, for work inside a larger step that reports on its own. */
	default Progress cancelOnly() {
		final Progress outer = this;
		return new Progress() {

			@Override
			public void report(final int done, final int total) {}

			@Override
			public boolean isCancelled() {
				return outer.isCancelled();
			}
		};
	}

	/**
	 * This progress for one part of a longer job: {@code done} units of the part are reported as {@code before +
	 * done} of the job's {@code total}, so the bar runs once across all parts.
	 */
	default Progress part(final int before, final int total) {
		final Progress outer = this;
		return new Progress() {

			@Override
			public void report(final int done, final int ignored) {
				outer.report(before + done, total);
			}

			@Override
			public boolean isCancelled() {
				return outer.isCancelled();
			}

			@Override
			public void status(final String message) {
				outer.status(message);
			}
		};
	}

	/** Throws {@link CancelledException} if the user cancelled. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}
}
