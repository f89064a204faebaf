package org.fewshotct.fiji;

import org.fewshotct.core.UserInputException;
import org.fewshotct.ij1.CommandParameters;
import org.scijava.module.Module;
import org.scijava.module.process.AbstractPreprocessorPlugin;

/**
 * A preprocessor of the suite's commands only, whose refusal ends the command as a failing command ends: the
 * suite's message, the macro stopped ({@link FailureReportService#ended}), and no cancel reason, which Fiji
 * would show a second time.
 */
abstract class SuitePreprocessor extends AbstractPreprocessorPlugin {

	@Override
	public final void process(final Module module) {
		final CommandParameters parameters = SuiteCommands.of(module);
		if (parameters == null) return;
		try {
			process(module, parameters);
		}
		catch (final UserInputException e) {
			FailureReportService.ended(parameters.label(), e);
			cancel(null);
		}
	}

	/** Processes a suite command's module; a {@link UserInputException} refuses the run. */
	abstract void process(Module module, CommandParameters parameters);
}
