package org.fewshotct.fiji;

import org.fewshotct.ij1.CommandParameters;
import org.scijava.command.Command;
import org.fewshotct.command.SuiteCommand;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.Module;

/** Tells the suite's commands apart from every other module Fiji runs, which the suite leaves alone. */
final class SuiteCommands {

	private static final String PACKAGE = "org.fewshotct.command.";

	private SuiteCommands() {}

	/** The parameters of a suite command's module, or null for any other module. */
	static CommandParameters of(final Module module) {
		if (!(module.getInfo() instanceof CommandInfo)) return null;
		final CommandInfo info = (CommandInfo) module.getInfo();
		if (!info.getDelegateClassName().startsWith(PACKAGE)) return null;
		try {
			return new CommandParameters(info.loadDelegateClass().asSubclass(Command.class));
		}
		catch (final ClassNotFoundException e) {
			throw new IllegalStateException("Cannot load " + info.getDelegateClassName(), e);
		}
	}

	/** What stopped a suite command's module, or null (not failed, or not a suite command). */
	static Throwable failure(final Module module) {
		if (!(module instanceof CommandModule)) return null;
		final Command command = ((CommandModule) module).getCommand();
		return command instanceof SuiteCommand ? ((SuiteCommand) command).failure() : null;
	}
}
