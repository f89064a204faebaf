package org.fewshotct.ij1;

import ij.ImagePlus;

import java.io.File;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.fewshotct.core.UserInputException;
import org.scijava.command.Command;

/**
 * Reads a command's inputs from an ImageJ 1.x macro options string ({@code key=value key=[a value]}), the same
 * way in plain ImageJ (the bridge) and in Fiji (the suite's macro preprocessor): a key left out takes the
 * command's default, a key the command does not know is refused with the keys it does know, and an image key
 * names exactly one open image.
 */
public final class MacroOptions {

	/** The choice (and recorded macro value) for leaving an optional image input empty. */
	public static final String NO_IMAGE = "*None*";

	private MacroOptions() {}

	/**
	 * Every input's value, in the order of {@code inputs}; {@code defaults} is a fresh instance of the command. An
	 * optional key given empty (as ImageJ records a field left empty) takes its default too.
	 */
	public static Object[] read(final String label, final List<Field> inputs, final Command defaults,
		final String options) throws IllegalAccessException
	{
		final Map<String, String> given = MacroKeys.parse(options);
		refuseUnknownKeys(label, inputs, given);
		final Object[] values = new Object[inputs.size()];
		for (int i = 0; i < values.length; i++) {
			final Field f = inputs.get(i);
			final String key = f.getName();
			final boolean optional = !CommandParameters.annotation(f).required();
			final String text = text(f, given);
			if (text == null || optional && (NO_IMAGE.equals(text) && f.getType() == ImagePlus.class || text.isEmpty() &&
				f.getType() != String.class)) {
				values[i] = f.get(defaults);
				if (values[i] == null && !optional) throw new UserInputException("Missing macro key '" + key + "='");
			}
			else values[i] = convert(f, text);
		}
		return values;
	}

	/** The text given for a field's key, null when left out; a bare key is "true" for a boolean. */
	private static String text(final Field f, final Map<String, String> given) {
		final String key = f.getName();
		if (!given.containsKey(key)) return null;
		final String text = given.get(key);
		if (text != MacroKeys.FLAG) return text;
		if (f.getType() == boolean.class || f.getType() == Boolean.class) return "true";
		throw new UserInputException("Macro key '" + key + "=' needs a value");
	}

	private static void refuseUnknownKeys(final String label, final List<Field> inputs,
		final Map<String, String> given)
	{
		for (final String key : given.keySet()) {
			if (inputs.stream().anyMatch(f -> f.getName().equals(key))) continue;
			final StringJoiner known = new StringJoiner(" ");
			for (final Field f : inputs)
				known.add(f.getName() + "=");
			throw new UserInputException(label + " has no macro key '" + key + (given.get(key) == MacroKeys.FLAG ? ""
				: "=") + "'; its keys: " + known);
		}
	}

	/** Only true or false: Boolean.parseBoolean would read a typo as false. */
	private static boolean bool(final String key, final String text) {
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) return Boolean.parseBoolean(text);
		throw new UserInputException("Macro key '" + key + "=' needs true or false, got '" + text + "'");
	}

	static Object convert(final Field f, final String text) {
		final Class<?> type = f.getType();
		final String key = f.getName();
		try {
			if (type == String.class) return text;
			if (type == File.class) return new File(text);
			if (type == int.class || type == Integer.class) return Integer.parseInt(text.trim());
			if (type == long.class || type == Long.class) return Long.parseLong(text.trim());
			if (type == double.class || type == Double.class) return Double.parseDouble(text.trim());
			if (type == float.class || type == Float.class) return Float.parseFloat(text.trim());
			if (type == boolean.class || type == Boolean.class) return bool(key, text.trim());
		}
		catch (final NumberFormatException e) {
			throw new UserInputException("Macro key '" + key + "=' needs a number, got '" + text + "'");
		}
		if (type == ImagePlus.class) return OpenImageTitles.image(key, text);
		throw new IllegalStateException("Unsupported parameter type " + type.getName() + " of '" + key + "'");
	}
}
