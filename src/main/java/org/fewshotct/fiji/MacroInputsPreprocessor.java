package org.fewshotct.fiji;

import ij.Macro;

import java.lang.reflect.Field;
import java.util.List;

import org.fewshotct.ij1.CommandParameters;
import org.fewshotct.ij1.MacroOptions;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * In Fiji, reads every input of a suite command run from a macro the way {@code bin/imagej-batch} does
 * ({@link MacroOptions}) and marks it resolved, so a macro line means the same thing everywhere. Fiji's own
 * macro preprocessor fills only the keys given and leaves the rest to a dialog (or, headless, to values saved
 * by an earlier run), converts an image key by ID before title and a mistyped title to an empty image, and
 * ignores keys it does not know; this runs after it and decides every input. Bad options stop the macro with
 * the suite's message.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.VERY_HIGH + 2)
public class MacroInputsPreprocessor extends SuitePreprocessor {

	@Override
	void process(final Module module, final CommandParameters parameters) {
		final String options = Macro.getOptions();
		if (options == null) return; // not run from a macro: the dialog asks
		final String label = parameters.label();
		try {
			final List<Field> inputs = parameters.inputs();
			final Object[] values = MacroOptions.read(label, inputs, parameters.instantiate(), options);
			for (int i = 0; i < values.length; i++) {
				module.setInput(inputs.get(i).getName(), values[i]);
				module.resolveInput(inputs.get(i).getName());
			}
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("Cannot read the inputs of " + label, e);
		}
	}
}
