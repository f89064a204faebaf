package org.fewshotct.fiji;

import ij.IJ;
import ij.Macro;
import ij.Menus;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Hashtable;
import java.util.List;

import org.fewshotct.ij1.Failures;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * One modelled Fiji headless macro run: each suite command in ImageJ's command table under its menu label,
 * run as a SciJava module (as imagej-legacy's hook runs it); exit 1 when the macro failed or was aborted.
 */
public final class FijiHeadlessRun implements PlugIn {

	private static FijiMacroLayer fiji;

	/** ImageJ's entry for a label: runs the command class given as argument through the module processors. */
	@Override
	public void run(final String commandClass) {
		try {
			fiji.run(Class.forName(commandClass).asSubclass(Command.class), Macro.getOptions());
		}
		catch (final ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}

	static int run(final String macroPath, final String argument) throws Exception {
		final String macro = new String(Files.readAllBytes(Paths.get(macroPath)), StandardCharsets.UTF_8);
		fiji = new FijiMacroLayer();
		final Hashtable<String, String> table = commandTable();
		try (Context context = new Context(CommandService.class)) {
			for (final CommandInfo info : context.service(CommandService.class).getCommands())
				if (info.getClassName().startsWith("org.fewshotct.command.")) table.put(info.getMenuPath().getLeaf()
					.getName(), FijiHeadlessRun.class.getName() + "(\"" + info.getClassName() + "\")");
		}
		final Interpreter interpreter = new Interpreter();
		interpreter.run(macro, argument);
		final List<String> failures = Failures.all();
		for (final String failure : failures)
			System.err.println("fiji-headless: " + failure);
		if (interpreter.wasError() && failures.isEmpty())
			System.err.println("fiji-headless: macro error: " + interpreter.getErrorMessage());
		fiji.close();
		return interpreter.wasError() || !failures.isEmpty() ? 1 : 0;
	}

	@SuppressWarnings("unchecked")
	private static Hashtable<String, String> commandTable() throws ReflectiveOperationException {
		if (Menus.getCommands() == null) {
			final Method init = IJ.class.getDeclaredMethod("init");
			init.setAccessible(true);
			init.invoke(null);
		}
		return Menus.getCommands();
	}
}
