package org.fewshotct.fiji;

import ij.ImagePlus;
import ij.Macro;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.fewshotct.core.UserInputException;
import org.fewshotct.ij1.CommandParameters;
import org.fewshotct.ij1.ImageInputs;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * In Fiji's dialog, starts each image input of a suite command on a different open image of its kind
 * ({@link ImageInputs#starting}), shown by {@link ImageChoiceWidget}: Fiji's own dialog starts every image input
 * on the first open image, so a user who clicks OK scores an image against itself. Runs only where the dialog
 * will ask; from a macro, {@link MacroInputsPreprocessor} decides every input. With no open image for a
 * required input it refuses, as Fiji's dialog would with a stack trace.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.LOW)
public class ImageChoicesPreprocessor extends SuitePreprocessor {

	@Override
	void process(final Module module, final CommandParameters parameters) {
		if (Macro.getOptions() != null) return;
		final List<Field> images = new ArrayList<>();
		for (final Field f : parameters.inputs())
			if (f.getType() == ImagePlus.class && !module.isInputResolved(f.getName()) && module.getInput(f
				.getName()) == null) images.add(f);
		final ImagePlus[] starting = ImageInputs.starting(images);
		for (int i = 0; i < starting.length; i++) {
			final String key = images.get(i).getName();
			if (starting[i] != null) module.setInput(key, starting[i]);
			else if (images.get(i).getAnnotation(Parameter.class).required()) throw new UserInputException(parameters
				.label() + " needs an open image for '" + key + "='");
		}
	}
}
