package org.fewshotct.ij1;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fewshotct.command.OpenImages;
import org.fewshotct.core.UserInputException;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;

/**
 * An ImageJ 1.x dialog for a command's inputs. Each field's prompt starts with its key, so the macro
 * recorder writes the same keys a macro uses.
 */
final class InputDialog {

	private InputDialog() {}

	/** The values the user chose, or null if the dialog was cancelled. */
	static Object[] ask(final String label, final List<Field> inputs, final Command defaults)
		throws IllegalAccessException
	{
		final GenericDialog dialog = new GenericDialog(label);
		final String[] titles = imageTitles();
		final List<ImagePlus> starting = startingImages(inputs);
		for (final Field f : inputs) {
			final Class<?> type = f.getType();
			final Object value = f.get(defaults);
			final String key = f.getName();
			final Parameter p = CommandParameters.annotation(f);
			if (type == ImagePlus.class) {
				if (titles.length == 0 && p.required())
					throw new UserInputException(label + " needs an open image for '" + key + "'");
				final ImagePlus start = starting.remove(0);
				dialog.addChoice(key, p.required() ? titles : withNone(titles), start == null ? MacroOptions.NO_IMAGE
					: start.getTitle());
			}
			else if (type == boolean.class || type == Boolean.class)
				dialog.addCheckbox(key, Boolean.TRUE.equals(value));
			else if (type == String.class && p.choices().length > 0)
				dialog.addChoice(key, p.choices(), value == null ? p.choices()[0] : value.toString());
			else if (type == File.class && p.style().contains("directory"))
				dialog.addDirectoryField(key, value == null ? "" : value.toString());
			else if (type == File.class)
				dialog.addFileField(key, value == null ? "" : value.toString());
			else dialog.addStringField(key, value == null ? "" : value.toString(), 30);
		}
		dialog.showDialog();
		if (dialog.wasCanceled()) return null;
		final Object[] values = new Object[inputs.size()];
		for (int i = 0; i < values.length; i++) {
			final Field f = inputs.get(i);
			final Class<?> type = f.getType();
			final Parameter p = CommandParameters.annotation(f);
			if (type == ImagePlus.class) {
				final String title = dialog.getNextChoice();
				values[i] = MacroOptions.NO_IMAGE.equals(title) ? null : OpenImageTitles.image(f.getName(), title);
			}
			else if (type == boolean.class || type == Boolean.class) {
				values[i] = dialog.getNextBoolean();
				// ImageJ records only ticked boxes, and a left-out key means its default: record an unticked default
				if (Boolean.TRUE.equals(f.get(defaults)) && !(Boolean) values[i] && Recorder.record) Recorder
					.recordOption(f.getName(), "false");
			}
			else if (type == String.class && p.choices().length > 0) values[i] = dialog.getNextChoice();
			else {
				final String text = dialog.getNextString().trim();
				values[i] = text.isEmpty() && !p.required() ? f.get(defaults) : MacroOptions.convert(f, text);
			}
		}
		return values;
	}

	/** Where each image input starts ({@link ImageInputs#starting}), in the order of the image inputs. */
	private static List<ImagePlus> startingImages(final List<Field> inputs) {
		final List<Field> images = new ArrayList<>();
		for (final Field f : inputs)
			if (f.getType() == ImagePlus.class) images.add(f);
		return new ArrayList<>(Arrays.asList(ImageInputs.starting(images)));
	}

	/** An optional image may be none: the choice {@link MacroOptions#NO_IMAGE} comes first. */
	private static String[] withNone(final String[] titles) {
		final String[] choices = new String[titles.length + 1];
		choices[0] = MacroOptions.NO_IMAGE;
		System.arraycopy(titles, 0, choices, 1, titles.length);
		return choices;
	}

	private static String[] imageTitles() {
		return OpenImages.all().stream().map(ImagePlus::getTitle).toArray(String[]::new);
	}
}
