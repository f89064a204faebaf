package org.fewshotct.core.unet.tf;

import java.io.File;
import java.util.Collections;

import org.fewshotct.core.unet.UNetNetwork;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** A U-Net loaded from a SavedModel, called through its {@code serving_default} signature. */
final class SavedUNet implements UNetNetwork {

	private final SavedModelBundle bundle;
	private final SessionFunction function;
	private final String device;

	SavedUNet(final File folder, final ConfigProto config, final String device) {
		this.device = device;
		bundle = SavedModelBundle.loader(folder.getAbsolutePath()).withTags(SavedModelBundle.DEFAULT_TAG)
			.withConfigProto(config).load();
		try {
			function = bundle.function(Signature.DEFAULT_KEY);
			final Signature signature = function.signature();
			if (!signature.inputNames().contains(UNetGraph.INPUT) || !signature.outputNames().contains(UNetGraph.OUTPUT))
				throw new IllegalArgumentException("its " + Signature.DEFAULT_KEY + " signature has inputs " + signature
					.inputNames() + " and outputs " + signature.outputNames() + ", not " + UNetGraph.INPUT + " and " +
					UNetGraph.OUTPUT);
		}
		catch (final RuntimeException e) {
			bundle.close();
			throw e;
		}
	}

	@Override
	public void predict(final float[] images, final int batch, final int height, final int width,
		final float[] probabilities)
	{
		try (TFloat32 x = Tensors.images(images, batch, height, width);
			Result result = function.call(Collections.<String, Tensor> singletonMap(UNetGraph.INPUT, x)))
		{
			Tensors.copy(result.get(UNetGraph.OUTPUT).orElseThrow(() -> new IllegalStateException(
				"The model returned no " + UNetGraph.OUTPUT)), probabilities);
		}
	}

	@Override
	public String device() {
		return device;
	}

	@Override
	public void close() {
		bundle.close();
	}
}
