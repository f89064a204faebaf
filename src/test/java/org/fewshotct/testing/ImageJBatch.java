package org.fewshotct.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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

	private static final String[] BATCH_LAUNCHER = { "bash", "bin/imagej-batch" };

	private ImageJBatch() {}

	public static Run run(final String macro) throws IOException, InterruptedException {
		return run(macro, Collections.emptyMap());
	}

	/** As {@link #run(String)}, with these environment variables (say {@code JAVA_OPTS}) set for the run. */
	public static Run run(final String macro, final Map<String, String> environment) throws IOException,
		InterruptedException
	{
		return run(macro, "", environment, BATCH_LAUNCHER);
	}

	/** Runs a macro file made of {@code macro} with a launcher command line ({@code launcher... MACRO ARG}). */
	public static Run run(final String macro, final String argument, final String... launcher) throws IOException,
		InterruptedException
	{
		return run(macro, argument, Collections.emptyMap(), launcher);
	}

	private static Run run(final String macro, final String argument, final Map<String, String> environment,
		final String... launcher) throws IOException, InterruptedException
	{
		final File file = File.createTempFile("few-shot-ct-test", ".ijm");
		try {
			Files.write(file.toPath(), macro.getBytes(StandardCharsets.UTF_8));
			return runFile(file, argument, environment, launcher);
		}
		finally {
			Files.deleteIfExists(file.toPath());
		}
	}

	/** Runs a macro file with a launcher command line ({@code launcher... MACRO ARG}). */
	public static Run runFile(final File macro, final String argument, final String... launcher) throws IOException,
		InterruptedException
	{
		return runFile(macro, argument, Collections.emptyMap(), launcher);
	}

	private static Run runFile(final File macro, final String argument, final Map<String, String> environment,
		final String... launcher) throws IOException, InterruptedException
	{
		final File out = File.createTempFile("few-shot-ct-test", ".out");
		final File err = File.createTempFile("few-shot-ct-test", ".err");
		try {
			final List<String> command = new ArrayList<>(Arrays.asList(launcher));
			command.add(macro.getPath());
			if (!argument.isEmpty()) command.add(argument);
			final ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().putAll(environment);
			final Process process = builder.redirectOutput(out).redirectError(err).start();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(launcher[launcher.length - 1] + " did not finish in 10 minutes");
			}
			return new Run(process.exitValue(), read(out), read(err));
		}
		finally {
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
