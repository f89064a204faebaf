package org.fewshotct.core.unet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

/** Test-time mirroring, with networks whose outputs say which pixels they read. */
public class MirroredNetworkTest {

	private static final int CLASSES = 3;
	private static final int HEIGHT = 8;
	private static final int WIDTH = 16;

	/** A network whose interior probability is the image's value {@code dx} pixels to the right (0 beyond). */
	private static UNetNetwork readingRight(final int dx) {
		return readingRight(dx, 0);
	}

	/** As {@link #readingRight(int)}, pausing {@code millis} before it reads, so that other threads run meanwhile. */
	private static UNetNetwork readingRight(final int dx, final long millis) {
		return new UNetNetwork() {

			@Override
			public void predict(final float[] images, final int batch, final int height, final int width,
				final float[] probabilities)
			{
				pause(millis);
				for (int i = 0; i < batch * height * width; i++) {
					final int x = i % width + dx;
					final float interior = x < width ? images[i + dx] : 0;
					probabilities[i * CLASSES] = 1 - interior;
					probabilities[i * CLASSES + 1] = interior;
					probabilities[i * CLASSES + 2] = 0;
				}
			}

			@Override
			public String device() {
				return "test network";
			}

			@Override
			public void close() {}
		};
	}

	private static void pause(final long millis) {
		if (millis == 0) return;
		try {
			Thread.sleep(millis);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	public void aNetworkThatSeesEachPixelAloneIsUnchanged() {
		final float[] images = randomImages(2);
		final float[] plain = predict(readingRight(0), images, 2);
		final float[] mirrored = predict(new MirroredNetwork(readingRight(0), CLASSES), images, 2);
		for (int i = 0; i < plain.length; i++)
			assertEquals("value " + i, plain[i], mirrored[i], 1e-6);
	}

	/**
	 * Seen left-right mirrored, "the pixel to the right" is the one to the left: the four views average the two
	 * neighbours, each image of the batch its own.
	 */
	@Test
	public void eachMirrorImageIsMirroredBackBeforeTheAverage() {
		final float[] images = randomImages(2);
		final float[] mirrored = predict(new MirroredNetwork(readingRight(1), CLASSES), images, 2);
		for (int image = 0; image < 2; image++)
			for (int y = 0; y < HEIGHT; y++)
				for (int x = 1; x < WIDTH - 1; x++) {
					final int i = (image * HEIGHT + y) * WIDTH + x;
					assertEquals("image " + image + " at " + x + "," + y, (images[i - 1] + images[i + 1]) / 2,
						mirrored[i * CLASSES + 1], 1e-6);
					assertEquals(1, mirrored[i * CLASSES] + mirrored[i * CLASSES + 1] + mirrored[i * CLASSES + 2], 1e-6);
				}
	}

	/** The Spark job's tasks share one segmenter, so one mirrored network predicts on several threads at once. */
	@Test
	public void threadsSharingItEachGetTheirOwnImagesAverage() throws Exception {
		final MirroredNetwork shared = new MirroredNetwork(readingRight(1, 1), CLASSES);
		final ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			final List<Future<Boolean>> same = new ArrayList<>();
			for (int task = 0; task < 16; task++) {
				final float[] images = randomImages(1, task);
				final float[] alone = predict(new MirroredNetwork(readingRight(1), CLASSES), images, 1);
				same.add(pool.submit(() -> Arrays.equals(alone, predict(shared, images, 1))));
			}
			for (int task = 0; task < same.size(); task++)
				assertTrue("task " + task, same.get(task).get());
		}
		finally {
			pool.shutdown();
		}
	}

	private static float[] randomImages(final int batch) {
		return randomImages(batch, 7);
	}

	private static float[] randomImages(final int batch, final long seed) {
		final Random random = new Random(seed);
		final float[] images = new float[batch * HEIGHT * WIDTH];
		for (int i = 0; i < images.length; i++)
			images[i] = random.nextFloat();
		return images;
	}

	private static float[] predict(final UNetNetwork network, final float[] images, final int batch) {
		final float[] probabilities = new float[batch * HEIGHT * WIDTH * CLASSES];
		network.predict(images, batch, HEIGHT, WIDTH, probabilities);
		return probabilities;
	}
}
