package org.fewshotct.core.unet;

import java.io.File;
import java.io.IOException;

/**
 * A U-Net being trained: a TensorFlow graph with its weights, a weighted softmax cross-entropy loss and an
 * Adam optimizer. Per-pixel targets are classes 0..classes-1 with a weight each (0 = ignored).
 */
public interface TrainableUNet extends UNetNetwork {

	/**
	 * The graph's layout, part of a training's fingerprint so that checkpoints of another layout start afresh
	 * instead of failing to restore. 2: instance-normalised convolutions.
	 */
	int LAYOUT = 2;

	/** One optimizer step on a batch; returns the batch's loss before the step. */
	float trainStep(float[] images, byte[] classes, float[] weights, int batch, int height, int width);

	/** The loss on a batch, without training. */
	float loss(float[] images, byte[] classes, float[] weights, int batch, int height, int width);

	/** Writes every variable (weights and optimizer state) under the checkpoint prefix. */
	void saveCheckpoint(File prefix);

	/** Reads back what {@link #saveCheckpoint} wrote, for an identically built network. */
	void restoreCheckpoint(File prefix);

	/**
	 * Exports the forward network alone (no optimizer) as a SavedModel with a {@code serving_default}
	 * signature: input {@code image} [n, h, w, 1] float, output {@code probabilities} [n, h, w, classes].
	 */
	void exportSavedModel(File folder) throws IOException;
}
