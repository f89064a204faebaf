package org.fewshotct.batch;

import ij.CommandListener;
import ij.Executer;
import ij.Macro;
import ij.macro.Interpreter;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.imagej.patcher.EssentialLegacyHooks;
import net.imagej.patcher.LegacyInjector;

import org.fewshotct.core.OutOfMemory;

/**
 * The failures that ImageJ only logs before carrying on with the macro: a command that throws (ImageJ's
 * {@code Executer} logs the stack trace), running out of memory (it logs {@code <Out of memory>}), and an
 * error in a thread of its own. Each is kept with the command that was running and, on the macro's thread,
 * ends the macro there, so that a batch run fails instead of going on without the command's result.
 */
final class FailureWatch implements CommandListener {

	private static final String HEADLESS = "java.awt.HeadlessException";

	private final String macroPath;
	private final Thread macroThread;
	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
	private volatile String command;
	@SuppressWarnings("unused")
	private byte[] reserve = new byte[1 << 20];
	private final FileOutputStream outOfMemoryMessage = new FileOutputStream(FileDescriptor.err);
	private final byte[] fallbackMessage = ("imagej-batch: " + OutOfMemory.message("a thread") + "\n")
		.getBytes(StandardCharsets.UTF_8);

	private FailureWatch(final String macroPath, final Thread macroThread) {
		this.macroPath = macroPath;
		this.macroThread = macroThread;
		command = macroPath;
	}

	/** Starts watching ImageJ's log, its commands and the JVM's threads; the calling thread runs the macro. */
	static FailureWatch install(final String macroPath) {
		final FailureWatch watch = new FailureWatch(macroPath, Thread.currentThread());
		Executer.addCommandListener(watch);
		LegacyInjector.installHooks(FailureWatch.class.getClassLoader(), new LogHooks(watch));
		Thread.setDefaultUncaughtExceptionHandler(watch::uncaught);
		return watch;
	}

	/** What failed so far, oldest first, each naming its command. */
	List<String> failures() {
		synchronized (failures) {
			return new ArrayList<>(failures);
		}
	}

	/**
	 * What was running: within ImageJ's command runner the command that {@code run(...)} started last, else
	 * the macro's file and line.
	 */
	private String where() {
		for (final StackTraceElement frame : Thread.currentThread().getStackTrace())
			if (frame.getClassName().equals(Executer.class.getName()) && frame.getMethodName().equals("run"))
				return command;
		final Interpreter macro = Interpreter.getInstance();
		return macro == null ? macroPath : macroPath + ", line " + macro.getLineNumber();
	}

	@Override
	public String commandExecuting(final String label) {
		command = label;
		return label;
	}

	/** Every line ImageJ logs passes here before it is printed. */
	void logged(final String message) {
		if (message.startsWith("<Out of memory>")) {
			fail(OutOfMemory.message(where()));
			return;
		}
		final String exception = StackTraceText.exception(message);
		if (exception == null || message.contains(Macro.MACRO_CANCELED)) return;
		System.err.println(message);
		fail(where() + ": " + exception + (exception.startsWith(HEADLESS) ? " (it needs a screen)" : ""));
	}

	private void fail(final String failure) {
		failures.add(failure);
		if (Thread.currentThread() != macroThread) return;
		final Interpreter macro = Interpreter.getInstance();
		if (macro != null) macro.abort(failure); // throws, ending the macro at this command
	}

	/**
	 * An error no code caught, in a thread other than the macro's. The macro may be waiting for that thread:
	 * running out of memory there (or while reporting the error) ends the run at once rather than leave it
	 * hanging, with no shutdown, whose threads would need memory too.
	 */
	private void uncaught(final Thread thread, final Throwable e) {
		boolean outOfMemory = e instanceof OutOfMemoryError;
		try {
			if (outOfMemory) {
				reserve = null; // room for the message
				System.err.println("imagej-batch: " + OutOfMemory.message(command));
			}
			else {
				e.printStackTrace();
				failures.add(command + ": " + e + " (in thread " + thread.getName() + ")");
			}
		}
		catch (final OutOfMemoryError again) {
			outOfMemory = true;
			try {
				outOfMemoryMessage.write(fallbackMessage); // written as it was made, with no memory needed
			}
			catch (final IOException ignored) { // halting with status 1 is all that is left
			}
		}
		finally {
			if (outOfMemory) Runtime.getRuntime().halt(1);
		}
	}

	/** ImageJ's essential hooks, also showing this watch every logged line. */
	private static final class LogHooks extends EssentialLegacyHooks {

		private final FailureWatch watch;

		LogHooks(final FailureWatch watch) {
			this.watch = watch;
		}

		@Override
		public void log(final String message) {
			if (message != null) watch.logged(message);
		}
	}
}
