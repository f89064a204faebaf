package org.fewshotct.batch;

import net.imagej.patcher.LegacyInjector;

/**
 * Entry point of {@code bin/imagej-batch MACRO [ARG]}: runs an ImageJ macro with no screen in real ImageJ
 * 1.x with the suite on its command list, and exits non-zero, with the error on stderr, when the macro or a
 * command in it fails.
 * <p>
 * ImageJ 1.x alone cannot run macros headless (its menus and dialogs need AWT), so this class patches it
 * for headless use the way Fiji does, before any ImageJ class loads: it must not refer to {@code ij.*}.
 * {@code bin/imagej-batch} puts ImageJ's classes patched once ({@link HeadlessImageJJar}) first on the class
 * path after a build's first run, and then nothing is patched here.
 * </p>
 */
public final class ImageJBatch {

	static {
		if (!HeadlessImageJJar.onClassPath()) LegacyInjector.preinit();
	}

	private ImageJBatch() {}

	public static void main(final String[] args) {
		if (args.length < 1 || args.length > 2) {
			System.err.println("Usage: imagej-batch MACRO.ijm [ARGUMENT]");
			System.exit(2);
		}
		System.exit(BatchMacroRun.run(args[0], args.length > 1 ? args[1] : ""));
	}
}
