package org.fewshotct.command;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.UserInputException;

/** The methods a user chose for Compare Methods, ready to run, in a fixed order: baseline, Weka, U-Net. */
final class ComparedMethods {

	private ComparedMethods() {}

	static List<StackSegmenter> chosen(final boolean baseline, final File weka, final File unet, final int threads) {
		final File wekaModel = model(weka, "weka");
		final File unetModel = model(unet, "unet");
		final List<StackSegmenter> methods = new ArrayList<>();
		if (baseline) methods.add(unavailable("baseline"));
		if (wekaModel != null) methods.add(unavailable("weka"));
		if (unetModel != null) methods.add(unavailable("unet"));
		return methods;
	}

	private static StackSegmenter unavailable(final String method) {
		throw new UserInputException("The " + method + " method is not in this build yet");
	}

	/** The model file given for a key, null when none was given; refuses a missing file. */
	private static File model(final File file, final String key) {
		if (file == null || file.getPath().isEmpty()) return null;
		if (!file.isFile()) throw new UserInputException("No model file " + file + " (macro key '" + key + "=')");
		return file;
	}
}
