package org.fewshotct.fiji;

import org.fewshotct.core.CancelledException;
import org.fewshotct.core.UserInputException;
import org.fewshotct.ij1.CommandParameters;
import org.fewshotct.ij1.Failures;
import org.scijava.event.EventHandler;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * In Fiji, a suite command that fails ends as in {@code bin/imagej-batch}: the suite's message (no stack trace
 * for bad input) and the calling macro aborted. Fiji would only log the exception, and ImageJ would carry on
 * with the macro's next line.
 */
@Plugin(type = Service.class)
public class FailureReportService extends AbstractService {

	@EventHandler
	protected void onEvent(final ModuleErroredEvent event) {
		final CommandParameters parameters = SuiteCommands.of(event.getModule());
		if (parameters == null) return;
		Failures.ended(parameters.label(), rootOfSuite(event.getException()));
		event.consume();
	}

	/** The suite's own exception inside the wrappers the module runner may add, else the exception itself. */
	private static Throwable rootOfSuite(final Throwable exception) {
		for (Throwable t = exception; t != null; t = t.getCause())
			if (t instanceof UserInputException || t instanceof CancelledException) return t;
		return exception;
	}
}
