package org.fewshotct.spark;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.unet.UNetModel;
import org.fewshotct.core.unet.UNetSegmenter;
import org.fewshotct.core.weka.WekaModel;
import org.fewshotct.core.weka.WekaSegmenter;

/**
 * The segmenter a {@code --model} value names, as the single-machine commands build it: the word
 * {@code baseline}, a Weka model file or a U-Net model folder. Each JVM (an executor, or the driver in local
 * mode) loads a model once and shares it between its tasks, which call it concurrently.
 */
final class Segmenters {

	static final String BASELINE = "baseline";

	private static final Map<String, StackSegmenter> LOADED = new HashMap<>();

	private Segmenters() {}

	/** Refuses, on the driver and before any work, a model that does not exist or cannot be read. */
	static void check(final String model) {
		if (BASELINE.equals(model)) return;
		final File file = new File(model);
		if (file.isDirectory()) UNetModel.read(file);
		else if (file.isFile()) WekaModel.load(file);
		else throw new UserInputException("No model at " + model + ": give a Weka model file, a U-Net model folder " +
			"or the word " + BASELINE);
	}

	/** This JVM's segmenter for the model, loaded on first use; its slices run on {@code threads} threads. */
	static synchronized StackSegmenter get(final String model, final int threads) {
		final String key = threads + " " + model;
		StackSegmenter segmenter = LOADED.get(key);
		if (segmenter == null) {
			segmenter = load(model, threads);
			LOADED.put(key, segmenter);
		}
		return segmenter;
	}

	private static StackSegmenter load(final String model, final int threads) {
		if (BASELINE.equals(model)) return new BaselineSegmenter(BaselineSettings.DEFAULT, threads);
		final File file = new File(model);
		if (file.isDirectory()) return UNetSegmenter.load(file, UNetSegmenter.DEFAULT_BATCH, threads);
		return new WekaSegmenter(WekaModel.load(file), threads);
	}
}
