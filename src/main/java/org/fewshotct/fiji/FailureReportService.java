package org.fewshotct.fiji;

import ij.Macro;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.UserInputException;
import org.fewshotct.ij1.CommandParameters;
import org.fewshotct.ij1.Failures;
import org.scijava.event.EventHandler;
import org.scijava.module.event.ModuleCanceledEvent;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * In Fiji, a suite command that fails ends as in {@code bin/imagej-batch}: the suite's message (no stack trace
 * for bad input) and the calling macro stopped. The command itself ends as cancelled
 * ({@link org.fewshotct.command.SuiteCommand}), so nothing reaches ImageJ's command runner, which would show a
 * stack trace and let the macro go on.
 */
@Plugin(type = Service.class)
public class FailureReportService extends AbstractService {

	@EventHandler
	protected void onEvent(final ModuleCanceledEvent event) {
		final CommandParameters parameters = SuiteCommands.of(event.getModule());
		final Throwable failure = SuiteCommands.failure(event.getModule());
		if (parameters != null && failure != null) ended(parameters.label(), failure);
	}

	/** An exception outside the command's work (a preprocessor's, say); SciJava would log it a second time. */
	@EventHandler
	protected void onEvent(final ModuleErroredEvent event) {
		final CommandParameters parameters = SuiteCommands.of(event.getModule());
		if (parameters == null) return;
		ended(parameters.label(), rootOfSuite(event.getException()));
		event.consume();
	}

	/**
	 * {@link Failures#ended} from any thread: inside a macro, ImageJ's error message stops the macro's interpreter
	 * and then throws {@link Macro#MACRO_CANCELED} to unwind the macro's thread; on SciJava's threads, which
	 * report here, that is done already and the exception would only be logged with its stack trace.
	 */
	static void ended(final String label, final Throwable cause) {
		try {
			Failures.ended(label, cause);
		}
		catch (final RuntimeException e) {
			if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
		}
	}

	/** The suite's own exception inside the wrappers the module runner may add, else the exception itself. */
	private static Throwable rootOfSuite(final Throwable exception) {
		for (Throwable t = exception; t != null; t = t.getCause())
			if (t instanceof UserInputException || t instanceof CancelledException) return t;
		return exception;
	}
}
