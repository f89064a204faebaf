package org.fewshotct.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a macro through {@code bin/imagej-batch} in a fresh JVM, as batch users do, and captures its output. */
public final class ImageJBatch {

	/** What a finished run left. */
	public static final class Run {

		public final int exitCode;
		public final String stdout;
		public final String stderr;

		Run(final int exitCode, final String stdout, final String stderr) {
			this.exitCode = exitCode;
			this.stdout = stdout;
			this.stderr = stderr;
		}

		@Override
		public String toString() {
			return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
		}
	}

	private ImageJBatch() {}

	public static Run run(final String macro) throws IOException, InterruptedException {
		return run(macro, Collections.emptyMap());
	}

	/** As {@link #run(String)}, with these environment variables (say {@code JAVA_OPTS}) set for the run. */
	public static Run run(final String macro, final Map<String, String> environment)
		throws IOException, InterruptedException
	{
		final File file = File.createTempFile("few-shot-ct-test", ".ijm");
		final File out = File.createTempFile("few-shot-ct-test", ".out");
		final File err = File.createTempFile("few-shot-ct-test", ".err");
		try {
			Files.write(file.toPath(), macro.getBytes(StandardCharsets.UTF_8));
			final ProcessBuilder builder = new ProcessBuilder("bash", "bin/imagej-batch", file.getPath());
			builder.environment().putAll(environment);
			final Process process = builder.redirectOutput(out).redirectError(err).start();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("imagej-batch did not finish in 10 minutes");
			}
			return new Run(process.exitValue(), read(out), read(err));
		}
		finally {
			Files.deleteIfExists(file.toPath());
			Files.deleteIfExists(out.toPath());
			Files.deleteIfExists(err.toPath());
		}
	}

	/** A path as a macro string literal's content. */
	public static String path(final File file) {
		return file.getAbsolutePath().replace("\\", "\\\\");
	}

	private static String read(final File file) throws IOException {
		return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
	}
}
