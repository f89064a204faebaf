package org.fewshotct.ij1;

import ij.ImagePlus;
import ij.Macro;
import ij.plugin.PlugIn;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

import org.fewshotct.command.SuiteCommand;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.event.EventHandler;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

/**
 * Runs a Few-Shot CT SciJava command from an ImageJ 1.x menu entry ({@link #MENU_RESOURCE}) or macro, where
 * SciJava commands are not discovered. Macro keys are the command's {@code @Parameter} field names, read by
 * {@link MacroOptions} as Fiji reads them; without macro options, a dialog asks for them. Image inputs are
 * window titles; image outputs are shown under titles no open image has.
 * <p>
 * A failing command reports its message (no stack trace for bad input), aborts the calling macro and is
 * remembered, so {@code bin/imagej-batch} exits non-zero.
 * </p>
 */
public class CommandBridge implements PlugIn {

	/**
	 * The class path resource listing the bridge's ImageJ 1.x menu entries, in {@code plugins.config} syntax. Not
	 * named {@code plugins.config}: ImageJ (and so Fiji) would load it from the jar and list every command twice
	 * in Fiji, once as the SciJava command and once through this bridge; {@code bin/imagej-batch} reads it.
	 */
	public static final String MENU_RESOURCE = "org/fewshotct/ij1/menus.config";

	private static Context context;

	@Override
	public void run(final String commandClass) {
		final CommandParameters parameters;
		try {
			parameters = new CommandParameters(Class.forName(commandClass).asSubclass(Command.class));
		}
		catch (final ClassNotFoundException | ClassCastException e) {
			Failures.report("Few-Shot CT", "No such command: " + commandClass);
			return;
		}
		final String label = parameters.label();
		try {
			final Command command = parameters.instantiate();
			final String options = Macro.getOptions();
			final Object[] values = options != null ? MacroOptions.read(label, parameters.inputs(), command, options)
				: InputDialog.ask(label, parameters.inputs(), command);
			if (values == null) return; // the user cancelled the dialog
			ImageInputs.requireDistinct(parameters.keys(), values);
			for (int i = 0; i < values.length; i++)
				parameters.inputs().get(i).set(command, values[i]);
			if (needsContext(command.getClass())) context().inject(command);
			command.run();
			final Throwable failure = command instanceof SuiteCommand ? ((SuiteCommand) command).failure() : null;
			if (failure != null) Failures.ended(label, failure);
			else showOutputs(label, parameters, command);
		}
		catch (final Exception | LinkageError e) {
			Failures.ended(label, e);
		}
	}

	/** Messages of the commands that failed or were cancelled in this JVM, oldest first. */
	public static List<String> failures() {
		return Failures.all();
	}

	/**
	 * Whether the command has anything for a SciJava context to inject (a service or context parameter, an
	 * event handler). Creating a context with all its services takes about a second of a batch run.
	 */
	static boolean needsContext(final Class<?> type) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (final Field f : c.getDeclaredFields())
				if (f.isAnnotationPresent(Parameter.class) && (Service.class.isAssignableFrom(f.getType()) ||
					Context.class.isAssignableFrom(f.getType()))) return true;
			for (final Method m : c.getDeclaredMethods())
				if (m.isAnnotationPresent(EventHandler.class)) return true;
		}
		return false;
	}

	private static synchronized Context context() {
		if (context == null) context = new Context();
		return context;
	}

	private static void showOutputs(final String label, final CommandParameters parameters, final Command command)
		throws IllegalAccessException
	{
		for (final Field f : parameters.outputs()) {
			final Object value = f.get(command);
			if (value instanceof ImagePlus && NewImages.isNew((ImagePlus) value)) NewImages.show(label, (ImagePlus) value);
		}
	}
}
