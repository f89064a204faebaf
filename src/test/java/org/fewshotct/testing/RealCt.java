package org.fewshotct.testing;

import static org.junit.Assume.assumeTrue;

import java.io.File;

/** The real CT slices in {@code ../shared/data/real-ct}; tests using them skip where they are absent. */
public final class RealCt {

	private static final File ROOT = new File("../shared/data/real-ct");

	private RealCt() {}

	/** A folder of the real data set, e.g. {@code ts_dicom_train/labels}; skips the test if it is absent. */
	public static File folder(final String relative) {
		final File folder = new File(ROOT, relative);
		assumeTrue("real CT data absent: " + folder, folder.exists());
		return folder;
	}
}
