package org.fewshotct.bench;

import java.io.File;
import java.nio.file.Files;
import java.util.Random;

import org.fewshotct.core.unet.IsolatedTensorFlow;
import org.fewshotct.core.unet.TrainableUNet;
import org.fewshotct.core.unet.UNetBackend;
import org.fewshotct.core.unet.UNetNetwork;

/**
 * Times U-Net training steps and inference on random 512x512 images, the network alone (the way
 * bench/unet_torch.py times PyTorch); inference runs through the exported SavedModel, as segmentation does.
 * Usage: UNetBench THREADS DEPTH WIDTH SIZE TRAIN_BATCH TRAIN_STEPS INFER_BATCH INFER_BATCHES
 */
public final class UNetBench {

	private UNetBench() {}

	public static void main(final String[] args) throws Exception {
		final int threads = Integer.parseInt(args[0]);
		final int depth = Integer.parseInt(args[1]);
		final int width = Integer.parseInt(args[2]);
		final int size = Integer.parseInt(args[3]);
		final int trainBatch = Integer.parseInt(args[4]);
		final int trainSteps = Integer.parseInt(args[5]);
		final int inferBatch = Integer.parseInt(args[6]);
		final int inferBatches = Integer.parseInt(args[7]);
		final Random random = new Random(1);
		final int pixels = size * size;
		final float[] images = new float[Math.max(trainBatch, inferBatch) * pixels];
		final byte[] classes = new byte[trainBatch * pixels];
		final float[] weights = new float[trainBatch * pixels];
		for (int i = 0; i < images.length; i++)
			images[i] = random.nextFloat();
		for (int i = 0; i < classes.length; i++) {
			classes[i] = (byte) random.nextInt(3);
			weights[i] = random.nextFloat();
		}
		final UNetBackend backend = IsolatedTensorFlow.backend();
		final File model = Files.createTempDirectory("unet-bench").toFile();
		try (TrainableUNet net = backend.create(depth, width, 3, 1e-3f, 1, threads, 0.42f, 0.62f)) {
			net.trainStep(images, classes, weights, trainBatch, size, size); // warm-up
			final long t0 = System.nanoTime();
			for (int s = 0; s < trainSteps; s++)
				net.trainStep(images, classes, weights, trainBatch, size, size);
			final double seconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("java train images/s %.3f (%d steps of %d %dx%d in %.2f s, %s)%n", trainSteps * trainBatch /
				seconds, trainSteps, trainBatch, size, size, seconds, net.device());
			net.exportSavedModel(new File(model, "saved_model"));
		}
		try (UNetNetwork net = backend.load(new File(model, "saved_model"), threads)) {
			final float[] probabilities = new float[inferBatch * pixels * 3];
			net.predict(images, inferBatch, size, size, probabilities); // warm-up
			final long t0 = System.nanoTime();
			for (int b = 0; b < inferBatches; b++)
				net.predict(images, inferBatch, size, size, probabilities);
			final double seconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("java inference images/s %.3f (%d batches of %d in %.2f s)%n", inferBatches * inferBatch /
				seconds, inferBatches, inferBatch, seconds);
		}
		finally {
			try (java.util.stream.Stream<java.nio.file.Path> paths = Files.walk(model.toPath())) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
