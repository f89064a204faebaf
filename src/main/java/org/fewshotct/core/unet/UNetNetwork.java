package org.fewshotct.core.unet;

/**
 * A U-Net ready to predict, as seen from outside TensorFlow. It speaks only Java arrays, because its
 * implementation lives in TensorFlow's own class loader (see {@link IsolatedTensorFlow}): no TensorFlow type
 * may cross this boundary. Images are batches of single-channel slices, row-major, slice after slice.
 */
public interface UNetNetwork extends AutoCloseable {

	/**
	 * Class probabilities for a batch of {@code batch} images of {@code height x width} (each a multiple of
	 * 2^depth) in [0, 1]: {@code probabilities[(image * height * width + pixel) * classes + class]}.
	 */
	void predict(float[] images, int batch, int height, int width, float[] probabilities);

	/** A short description of where it runs, e.g. "TensorFlow 2.18.0 on CPU, 2 threads". */
	String device();

	/** Frees the native graph and session. */
	@Override
	void close();
}
