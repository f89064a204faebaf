package org.fewshotct.core.unet.tf;

import java.io.File;
import java.util.List;

import org.fewshotct.core.unet.TrainableUNet;
import org.fewshotct.core.unet.UNetBackend;
import org.fewshotct.core.unet.UNetNetwork;
import org.tensorflow.TensorFlow;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * The U-Net on TensorFlow Java. Loaded only through {@code IsolatedTensorFlow}, in TensorFlow's own class
 * loader; constructing it starts the native library and asks which devices it sees.
 */
public final class TensorFlowBackend implements UNetBackend {

	private final String version;
	private final boolean gpu;

	public TensorFlowBackend() {
		version = TensorFlow.version();
		// The JVM's first TensorFlow context sizes the intra-op pool that every later session's kernels (the
		// convolutions) run on, whatever those sessions ask: this query is that context, so it asks for every
		// processor the JVM may use (asked for 1, it had every U-Net run on one core at half the speed).
		final List<String> devices = Devices.types(SessionConfig.of(Runtime.getRuntime().availableProcessors()));
		gpu = devices.contains("GPU");
	}

	@Override
	public String describe() {
		return "TensorFlow " + version + (gpu ? " on GPU" : " on CPU");
	}

	@Override
	public boolean gpu() {
		return gpu;
	}

	@Override
	public TrainableUNet create(final int depth, final int width, final int classes, final float learningRate,
		final long seed, final int threads, final float contrastLow, final float contrastHigh)
	{
		try {
			return new GraphUNet(new UNetGraph.Architecture(depth, width, classes, contrastLow, contrastHigh),
				learningRate, seed, SessionConfig.of(threads), device(threads));
		}
		catch (final TensorFlowException e) {
			throw new IllegalStateException("TensorFlow could not build the U-Net: " + e.getMessage(), e);
		}
	}

	@Override
	public UNetNetwork load(final File savedModel, final int threads) {
		try {
			return new SavedUNet(savedModel, SessionConfig.of(threads), device(threads));
		}
		catch (final TensorFlowException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	private String device(final int threads) {
		return describe() + (gpu ? "" : ", " + (threads > 0 ? threads : Runtime.getRuntime().availableProcessors()) +
			" threads");
	}
}
