package org.fewshotct.core.unet;

import org.fewshotct.core.instances.InstanceTargets;

/**
 * Test-time mirroring: a network's class probabilities averaged over each image and its three mirror images
 * (left-right, top-bottom, both), each mirrored back. The network trained on tiles mirrored either way, so the
 * four are equally its own view of the slice, and where one view is unsure the others outvote it. On a scan
 * unlike the training slices this is worth most (measured on the same trained models: ts_dicom_train -> ircadb1
 * 0.638 -> 0.685), as in nnU-Net, which mirrors at inference by default. Four network calls per batch, one at a
 * time, each the memory of a plain call. Safe to call from several threads at once (the Spark job's tasks share
 * one segmenter per JVM): each call has buffers of its own.
 */
final class MirroredNetwork implements UNetNetwork {

	private final UNetNetwork network;
	private final int classes;

	/** The network as its settings say segmentation sees it: mirrored, or as it is. */
	static UNetNetwork asSegmenting(final UNetNetwork network, final UNetSettings settings) {
		return settings.mirror() ? new MirroredNetwork(network, InstanceTargets.CLASS_COUNT) : network;
	}

	MirroredNetwork(final UNetNetwork network, final int classes) {
		this.network = network;
		this.classes = classes;
	}

	@Override
	public void predict(final float[] images, final int batch, final int height, final int width,
		final float[] probabilities)
	{
		final int pixels = batch * height * width;
		final float[] mirroredImages = new float[pixels];
		final float[] mirroredProbabilities = new float[pixels * classes];
		network.predict(images, batch, height, width, probabilities);
		for (int mirror = 1; mirror < 4; mirror++) {
			final boolean leftRight = (mirror & 1) != 0;
			final boolean topBottom = (mirror & 2) != 0;
			for (int i = 0; i < pixels; i++)
				mirroredImages[i] = images[mirrored(i, height, width, leftRight, topBottom)];
			network.predict(mirroredImages, batch, height, width, mirroredProbabilities);
			for (int i = 0; i < pixels; i++) {
				final int source = mirrored(i, height, width, leftRight, topBottom) * classes;
				for (int c = 0; c < classes; c++)
					probabilities[i * classes + c] += mirroredProbabilities[source + c];
			}
		}
		for (int i = 0; i < pixels * classes; i++)
			probabilities[i] /= 4;
	}

	/** The index of pixel {@code i} of a batch of images in its mirror image; mirroring twice is the identity. */
	private static int mirrored(final int i, final int height, final int width, final boolean leftRight,
		final boolean topBottom)
	{
		final int image = i / (height * width);
		final int y = i / width % height;
		final int x = i % width;
		return (image * height + (topBottom ? height - 1 - y : y)) * width + (leftRight ? width - 1 - x : x);
	}

	@Override
	public String device() {
		return network.device() + ", mirrored 4x";
	}

	@Override
	public void close() {
		network.close();
	}
}
