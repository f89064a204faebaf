package org.fewshotct.core.unet.tf;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/** Java arrays in and out of tensors. Each tensor made here must be closed by the caller. */
final class Tensors {

	private Tensors() {}

	/** A [batch, height, width, 1] float tensor. */
	static TFloat32 images(final float[] images, final int batch, final int height, final int width) {
		require(images.length >= batch * height * width, "images");
		return TFloat32.tensorOf(Shape.of(batch, height, width, 1), DataBuffers.of(images, true, false).narrow(
			(long) batch * height * width));
	}

	/** A [batch, height, width] float tensor. */
	static TFloat32 maps(final float[] values, final int batch, final int height, final int width) {
		require(values.length >= batch * height * width, "weights");
		return TFloat32.tensorOf(Shape.of(batch, height, width), DataBuffers.of(values, true, false).narrow(
			(long) batch * height * width));
	}

	/** A [batch, height, width] uint8 tensor. */
	static TUint8 classes(final byte[] classes, final int batch, final int height, final int width) {
		require(classes.length >= batch * height * width, "classes");
		return TUint8.tensorOf(Shape.of(batch, height, width), DataBuffers.of(classes, true, false).narrow(
			(long) batch * height * width));
	}

	/** A float tensor of the given shape holding {@code values}. */
	static TFloat32 of(final float[] values, final Shape shape) {
		return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
	}

	/** Copies a float tensor into {@code out}, which must hold at least its size. */
	static void copy(final Tensor tensor, final float[] out) {
		final TFloat32 floats = (TFloat32) tensor;
		require(out.length >= floats.size(), "output");
		floats.copyTo(DataBuffers.of(out, false, false).narrow(floats.size()));
	}

	static float scalar(final Tensor tensor) {
		return ((TFloat32) tensor).getFloat();
	}

	private static void require(final boolean ok, final String what) {
		if (!ok) throw new IllegalArgumentException("The " + what + " array is smaller than the batch");
	}
}
