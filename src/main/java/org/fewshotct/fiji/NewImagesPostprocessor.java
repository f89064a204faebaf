package org.fewshotct.fiji;

import ij.ImagePlus;

import java.awt.GraphicsEnvironment;

import org.fewshotct.ij1.CommandParameters;
import org.fewshotct.ij1.NewImages;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * In Fiji, gives each image a suite command made a title no open image has (and logs it) before Fiji displays
 * it; with no screen, shows it as ImageJ's batch mode does, since Fiji's headless UI would only log it and the
 * next macro line could not find it by its title.
 */
@Plugin(type = PostprocessorPlugin.class, priority = Priority.LOW)
public class NewImagesPostprocessor extends AbstractPostprocessorPlugin {

	@Override
	public void process(final Module module) {
		final CommandParameters parameters = SuiteCommands.of(module);
		if (parameters == null) return;
		for (final ModuleItem<?> output : module.getInfo().outputs()) {
			final Object value = output.getValue(module);
			if (!(value instanceof ImagePlus) || !NewImages.isNew((ImagePlus) value)) continue;
			if (GraphicsEnvironment.isHeadless()) {
				NewImages.show(parameters.label(), (ImagePlus) value);
				module.resolveOutput(output.getName());
			}
			else NewImages.title(parameters.label(), (ImagePlus) value);
		}
	}
}
