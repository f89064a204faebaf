package org.fewshotct.ij1;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.Service;

/**
 * The user-facing inputs and the outputs of a SciJava command, read from its {@code @Parameter} fields. The
 * field name is the macro key, so ImageJ 1.x macros and Fiji use the same keys.
 */
public final class CommandParameters {

	private final Class<? extends Command> type;
	private final List<Field> inputs = new ArrayList<>();
	private final List<Field> outputs = new ArrayList<>();

	public CommandParameters(final Class<? extends Command> type) {
		this.type = type;
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || Modifier.isStatic(f.getModifiers())) continue;
				if (Service.class.isAssignableFrom(f.getType()) || f.getType().getName().startsWith("org.scijava.")) continue;
				f.setAccessible(true);
				if (p.type() == ItemIO.OUTPUT) outputs.add(f);
				else {
					if (p.type() == ItemIO.BOTH) outputs.add(f);
					inputs.add(f);
				}
			}
		}
	}

	/** The command's label: the last element of its menu path. */
	public String label() {
		final Plugin plugin = type.getAnnotation(Plugin.class);
		final String path = plugin == null ? "" : plugin.menuPath();
		return path.isEmpty() ? type.getSimpleName() : path.substring(path.lastIndexOf('>') + 1).trim();
	}

	/** A new instance of the command, its fields at their defaults. */
	public Command instantiate() throws ReflectiveOperationException {
		final java.lang.reflect.Constructor<? extends Command> constructor = type.getDeclaredConstructor();
		constructor.setAccessible(true);
		return constructor.newInstance();
	}

	public List<Field> inputs() {
		return inputs;
	}

	/** The inputs' macro keys, in the order of {@link #inputs()}. */
	public String[] keys() {
		return inputs.stream().map(Field::getName).toArray(String[]::new);
	}

	public List<Field> outputs() {
		return outputs;
	}

	static Parameter annotation(final Field f) {
		return f.getAnnotation(Parameter.class);
	}

	/** The prompt shown in a dialog: the parameter's label, or its key. */
	static String prompt(final Field f) {
		final String label = annotation(f).label();
		return label.isEmpty() ? f.getName() : label;
	}
}
