package org.fewshotct.core.unet.tf;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Session options: CPU threads as asked, GPU memory taken as needed rather than all at once. The inter-op pool
 * (independent operations side by side) is the session's own; the intra-op pool (the threads inside one
 * operation, where the convolutions run) is one per JVM, sized by its first session or context whatever a later
 * one asks (unless TF_OVERRIDE_GLOBAL_THREADPOOL=1 is in the environment): {@link TensorFlowBackend} sizes it.
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
