package org.fewshotct.command;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.unet.UNetSegmenter;
import org.fewshotct.core.weka.WekaSegmenter;

/** The methods a user chose for Compare Methods, ready to run, in a fixed order: baseline, Weka, U-Net. */
final class ComparedMethods {

	private ComparedMethods() {}

	static List<StackSegmenter> chosen(final boolean baseline, final File weka, final File unet, final int threads) {
		final File wekaModel = model(weka, "weka");
		final File unetModel = model(unet, "unet");
		final List<StackSegmenter> methods = new ArrayList<>();
		if (baseline) methods.add(new BaselineSegmenter(BaselineSettings.DEFAULT, threads));
		if (wekaModel != null) methods.add(WekaSegmenter.load(wekaModel));
		if (unetModel != null) methods.add(UNetSegmenter.load(unetModel)); // last: the one that holds memory
		return methods;
	}

	/** Releases what loaded methods hold (a U-Net holds TensorFlow memory). */
	static void close(final List<StackSegmenter> methods) {
		for (final StackSegmenter method : methods)
			if (method instanceof AutoCloseable) {
				try {
					((AutoCloseable) method).close();
				}
				catch (final Exception e) {
					ij.IJ.log("Compare Methods: could not release " + method.name() + ": " + e);
				}
			}
	}

	/** The model (a Weka file, a U-Net folder) given for a key, null when none was given; refuses a missing one. */
	private static File model(final File model, final String key) {
		if (model == null || model.getPath().isEmpty()) return null;
		if (!model.exists()) throw new UserInputException("No model " + model + " (macro key '" + key + "=')");
		return model;
	}
}
