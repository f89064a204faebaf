package org.fewshotct.fiji;

import net.imagej.patcher.LegacyInjector;

/**
 * {@code fiji --headless -macro MACRO ARG} as modelled for the tests: ImageJ 1.x patched for headless use (as
 * Fiji does), and each of the suite's menu labels running its SciJava command through {@link FijiMacroLayer}
 * (the module processors), never through the suite's bridge. Must not refer to {@code ij.*} before patching.
 */
public final class FijiHeadless {

	static {
		LegacyInjector.preinit();
	}

	private FijiHeadless() {}

	public static void main(final String[] args) throws Exception {
		System.exit(FijiHeadlessRun.run(args[0], args.length > 1 ? args[1] : ""));
	}
}
