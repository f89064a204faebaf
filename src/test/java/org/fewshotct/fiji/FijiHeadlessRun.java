package org.fewshotct.fiji;

import ij.IJ;
import ij.Macro;
import ij.Menus;
import ij.macro.Interpreter;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Hashtable;
import java.util.List;

import net.imagej.patcher.EssentialLegacyHooks;
import net.imagej.patcher.LegacyInjector;

import org.fewshotct.ij1.Failures;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * One modelled Fiji headless macro run: each suite command in ImageJ's command table under its menu label, as
 * imagej-legacy 2.0.3's {@code IJ1Helper.addMenuItems} puts it there (the label to {@code command:<class>}), run by
 * ImageJ's {@code IJ.runPlugIn} hook as its {@code DefaultLegacyHooks.interceptRunPlugIn} runs it (through
 * {@link FijiMacroLayer#run}); exit 1 when the macro failed or was aborted.
 */
public final class FijiHeadlessRun {

	private static final String COMMAND = "command:";

	private static FijiMacroLayer fiji;

	private FijiHeadlessRun() {}

	static int run(final String macroPath, final String argument) throws Exception {
		final String macro = new String(Files.readAllBytes(Paths.get(macroPath)), StandardCharsets.UTF_8);
		fiji = new FijiMacroLayer();
		LegacyInjector.installHooks(FijiHeadlessRun.class.getClassLoader(), new LegacyHooks());
		final Hashtable<String, String> table = commandTable();
		try (Context context = new Context(CommandService.class)) {
			for (final CommandInfo info : context.service(CommandService.class).getCommands())
				if (info.getClassName().startsWith("org.fewshotct.command.")) table.put(info.getMenuPath().getLeaf()
					.getName(), info.getIdentifier());
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

	/** The hook imagej-legacy installs, for the suite's commands: ImageJ's command runner gets what it throws. */
	private static final class LegacyHooks extends EssentialLegacyHooks {

		@Override
		public Object interceptRunPlugIn(final String className, final String arg) {
			if (!className.startsWith(COMMAND)) return super.interceptRunPlugIn(className, arg);
			try {
				return fiji.run(Class.forName(className.substring(COMMAND.length())).asSubclass(Command.class), Macro
					.getOptions());
			}
			catch (final ClassNotFoundException e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
