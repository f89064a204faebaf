package org.fewshotct.core.unet;

import java.io.File;

/**
 * Builds and loads U-Nets. Its one implementation ({@code tf.TensorFlowBackend}) is loaded by
 * {@link IsolatedTensorFlow} in TensorFlow's own class loader, so this interface uses only Java types.
 */
public interface UNetBackend {

	/** The TensorFlow version and the devices it sees, for the log. */
	String describe();

	/** Whether TensorFlow sees a GPU it will run on. */
	boolean gpu();

	/**
	 * A new trainable U-Net with {@code depth} poolings, {@code width} filters on the first level (doubling per
	 * level) and {@code classes} outputs; weights drawn from {@code seed}. The network sees its one input
	 * channel twice: as it is, and through the narrower window [contrastLow, contrastHigh] of it (clipped to
	 * [0, 1]), where soft tissues that differ by a few percent of the input range become clearly distinct.
	 */
	TrainableUNet create(int depth, int width, int classes, float learningRate, long seed, int threads,
		float contrastLow, float contrastHigh);

	/**
	 * A U-Net exported by {@link TrainableUNet#exportSavedModel}. Throws {@link IllegalArgumentException}
	 * with TensorFlow's reason when the folder does not hold a loadable SavedModel with that signature.
	 */
	UNetNetwork load(File savedModel, int threads);
}
