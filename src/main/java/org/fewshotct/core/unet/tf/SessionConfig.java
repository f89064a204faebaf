package org.fewshotct.core.unet.tf;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Session options: CPU threads as asked, in the session's own pools (TensorFlow's shared pools keep the size the
 * JVM's first session gave them, whatever a later one asks), GPU memory taken as needed rather than all at once.
 */
final class SessionConfig {

	private SessionConfig() {}

	static ConfigProto of(final int threads) {
		final ConfigProto.Builder config = ConfigProto.newBuilder() //
			.setAllowSoftPlacement(true) //
			.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
		if (threads > 0) config.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(Math.min(2, threads))
			.setUsePerSessionThreads(true);
		return config.build();
	}
}
