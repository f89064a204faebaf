package org.fewshotct.fiji;

import ij.ImagePlus;

import java.lang.reflect.Field;

import org.fewshotct.core.UserInputException;
import org.fewshotct.ij1.CommandParameters;
import org.fewshotct.ij1.ImageInputs;
import org.scijava.module.Module;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.InputHarvester;

/**
 * In Fiji, once a dialog or a macro has decided a suite command's inputs, refuses a required image left empty
 * (a script that gave none; headless Fiji asks nothing) and one image given for two inputs where that makes no
 * sense ({@link ImageInputs#requireDistinct}).
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY - 1)
public class ImageInputsPreprocessor extends SuitePreprocessor {

	@Override
	void process(final Module module, final CommandParameters parameters) {
		for (final Field f : parameters.inputs())
			if (f.getType() == ImagePlus.class && f.getAnnotation(Parameter.class).required() && module.getInput(f
				.getName()) == null) throw new UserInputException(parameters.label() + " needs an open image for '" + f
					.getName() + "='");
		final String[] keys = parameters.keys();
		final Object[] values = new Object[keys.length];
		for (int i = 0; i < keys.length; i++)
			values[i] = module.getInput(keys[i]);
		ImageInputs.requireDistinct(keys, values);
	}
}
