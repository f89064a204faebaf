package org.fewshotct.ij1;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;

import java.io.File;
import java.lang.reflect.Field;
import java.util.List;

import org.fewshotct.core.UserInputException;
import org.scijava.command.Command;

/** Reads a command's inputs from an ImageJ 1.x macro options string ({@code key=value key=[a value]}). */
final class MacroOptions {

	/** The choice (and recorded macro value) for leaving an optional image input empty. */
	static final String NO_IMAGE = "*None*";

	private MacroOptions() {}

	static Object[] read(final List<Field> inputs, final Command defaults, final String options)
		throws IllegalAccessException
	{
		final Object[] values = new Object[inputs.size()];
		for (int i = 0; i < values.length; i++) {
			final Field f = inputs.get(i);
			final Object fallback = f.get(defaults);
			final String text = value(options, f.getName(), f.getType() == boolean.class || f.getType() == Boolean.class);
			if (text == null || NO_IMAGE.equals(text) && f.getType() == ImagePlus.class && !CommandParameters
				.annotation(f).required())
			{
				if (fallback == null && CommandParameters.annotation(f).required())
					throw new UserInputException("Missing macro key '" + f.getName() + "='");
				values[i] = fallback;
			}
			else values[i] = convert(f, text);
		}
		return values;
	}

	/** The value of {@code key=}; a bare boolean key (as ImageJ records a ticked checkbox) reads as true. */
	private static String value(final String options, final String key, final boolean flag) {
		final String text = Macro.getValue(options, key, null);
		if (text != null || !flag) return text;
		return (" " + options + " ").matches("(?s).*\\s" + java.util.regex.Pattern.quote(key) + "\\s.*") ? "true" : null;
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
			if (type == boolean.class || type == Boolean.class) return Boolean.parseBoolean(text.trim());
		}
		catch (final NumberFormatException e) {
			throw new UserInputException("Macro key '" + key + "=' needs a number, got '" + text + "'");
		}
		if (type == ImagePlus.class) return image(key, text);
		throw new IllegalStateException("Unsupported parameter type " + type.getName() + " of '" + key + "'");
	}

	static ImagePlus image(final String key, final String title) {
		final ImagePlus image = WindowManager.getImage(title);
		if (image == null)
			throw new UserInputException("No open image titled '" + title + "' (macro key '" + key + "=')");
		return image;
	}
}
