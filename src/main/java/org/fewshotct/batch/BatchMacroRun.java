package org.fewshotct.batch;

import ij.IJ;
import ij.Macro;
import ij.Menus;
import ij.macro.Interpreter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;

import org.fewshotct.core.OutOfMemory;
import org.fewshotct.ij1.CommandBridge;

/** One headless macro run: registers the suite's ImageJ 1.x menu entries from the class path, runs, reports. */
final class BatchMacroRun {

	private BatchMacroRun() {}

	/** Runs the macro file and returns the process exit code: 0 on success, 1 on any failure. */
	static int run(final String macroPath, final String argument) {
		final String macro;
		try {
			macro = new String(Files.readAllBytes(Paths.get(macroPath)), StandardCharsets.UTF_8);
		}
		catch (final NoSuchFileException e) {
			System.err.println("imagej-batch: no such macro file: " + macroPath);
			return 1;
		}
		catch (final IOException e) {
			System.err.println("imagej-batch: cannot read " + macroPath + ": " + e.getMessage());
			return 1;
		}
		try {
			registerClasspathPlugins();
		}
		catch (final IOException e) {
			System.err.println("imagej-batch: cannot read " + CommandBridge.MENU_RESOURCE + ": " + e.getMessage());
			return 1;
		}
		final FailureWatch watch = FailureWatch.install(macroPath);
		final Interpreter interpreter = new Interpreter();
		Interpreter.batchMode = true;
		final List<String> failures = new ArrayList<>();
		try {
			interpreter.run(macro, argument);
		}
		catch (final RuntimeException | Error e) { // commands' failures stop in ImageJ: this is the macro's own
			final String where = macroPath + ", line " + interpreter.getLineNumber();
			if (e instanceof OutOfMemoryError) failures.add(OutOfMemory.message(where));
			else if (!Macro.MACRO_CANCELED.equals(e.getMessage())) { // else a failure, reported below, ended it
				e.printStackTrace();
				failures.add(where + ": " + e);
			}
		}
		// A failed command is the root cause of any macro error that follows it, so it is reported first.
		failures.addAll(0, watch.failures());
		failures.addAll(0, CommandBridge.failures());
		for (final String failure : failures)
			System.err.println("imagej-batch: " + failure);
		if (interpreter.wasError() && failures.isEmpty())
			System.err.println("imagej-batch: macro error in " + macroPath + ": " + interpreter.getErrorMessage());
		if (interpreter.wasError() || !failures.isEmpty()) return 1;
		return 0;
	}

	/**
	 * Adds every menu entry of {@link CommandBridge#MENU_RESOURCE} found on the class path to ImageJ's command
	 * table, as ImageJ does with the plugins.config of the jars in its plugins folder.
	 */
	private static void registerClasspathPlugins() throws IOException {
		final Hashtable<String, String> commands = commandTable();
		final Enumeration<URL> configs = BatchMacroRun.class.getClassLoader().getResources(CommandBridge.MENU_RESOURCE);
		while (configs.hasMoreElements()) {
			try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(configs.nextElement().openStream(), StandardCharsets.UTF_8)))
			{
				for (String line = reader.readLine(); line != null; line = reader.readLine())
					register(commands, line.trim());
			}
		}
	}

	/** {@code Menu>Path, "Label", class.Name("argument")} adds Label -> class.Name("argument"). */
	private static void register(final Hashtable<String, String> commands, final String line) {
		if (line.isEmpty() || line.startsWith("#")) return;
		final int open = line.indexOf('"');
		final int close = line.indexOf('"', open + 1);
		final int comma = line.indexOf(',', close + 1);
		if (open < 0 || close < 0 || comma < 0) return;
		commands.put(line.substring(open + 1, close), line.substring(comma + 1).trim());
	}

	/** ImageJ's command table, built first as {@code IJ.run} would (headless, ImageJ only builds it there). */
	@SuppressWarnings("unchecked")
	private static Hashtable<String, String> commandTable() {
		if (Menus.getCommands() == null) {
			try {
				final Method init = IJ.class.getDeclaredMethod("init");
				init.setAccessible(true);
				init.invoke(null);
			}
			catch (final ReflectiveOperationException e) {
				throw new IllegalStateException("Cannot initialise ImageJ's command table", e);
			}
		}
		return Menus.getCommands();
	}
}
