package org.fewshotct.fiji;

import org.fewshotct.ij1.CommandParameters;
import org.fewshotct.ij1.ImageInputs;
import org.scijava.module.Module;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;
import org.scijava.widget.InputHarvester;

/**
 * In Fiji, refuses a suite command given one image for two inputs where that makes no sense
 * ({@link ImageInputs#requireDistinct}), from a dialog or a macro alike: it runs after both have decided.
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY - 1)
public class DistinctImagesPreprocessor extends SuitePreprocessor {

	@Override
	void process(final Module module, final CommandParameters parameters) {
		final String[] keys = parameters.keys();
		final Object[] values = new Object[keys.length];
		for (int i = 0; i < keys.length; i++)
			values[i] = module.getInput(keys[i]);
		ImageInputs.requireDistinct(keys, values);
	}
}
