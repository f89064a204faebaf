package org.fewshotct.core.unet.tf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The U-Net's forward graph: the image and a contrast-stretched copy of it as two channels; per level two 3x3
 * convolutions, each instance-normalised and through a ReLU, 2x2 max-pooling down,
 * a 2x2 stride-2 transposed convolution up (as a 1x1 convolution to four times the channels followed by
 * depth-to-space, which is the same map and works for any input size), the skip concatenated, and a 1x1
 * convolution to the class logits. Variables have flat names in the root scope, identical in every graph
 * built with the same architecture, so checkpoints move between the training and the exported graph.
 */
final class UNetGraph {

	static final String INPUT = "image";
	static final String OUTPUT = "probabilities";

	private static final List<Long> UNIT_STRIDES = Arrays.asList(1L, 1L, 1L, 1L);

	/** What shapes the graph; equal architectures build graphs with the same variables. */
	static final class Architecture {

		final int depth;
		final int width;
		final int classes;
		final float contrastLow;
		final float contrastHigh;

		Architecture(final int depth, final int width, final int classes, final float contrastLow,
			final float contrastHigh)
		{
			if (!(contrastHigh > contrastLow)) throw new IllegalArgumentException("contrast window [" + contrastLow +
				", " + contrastHigh + "] is empty");
			this.depth = depth;
			this.width = width;
			this.classes = classes;
			this.contrastLow = contrastLow;
			this.contrastHigh = contrastHigh;
		}
	}

	final Ops tf;
	final Placeholder<TFloat32> image;
	final Operand<TFloat32> logits;
	final Operand<TFloat32> probabilities;
	final List<Variable<TFloat32>> variables = new ArrayList<>();
	/** He-normal standard deviation per variable, 0 for biases and the normalisations' scales and shifts. */
	private final List<Float> stddevs = new ArrayList<>();
	/** The value of every element of a variable whose standard deviation is 0: 0 for biases, 1 for scales. */
	private final List<Float> constants = new ArrayList<>();

	UNetGraph(final Graph graph, final Architecture architecture) {
		final int depth = architecture.depth;
		final int width = architecture.width;
		tf = Ops.create(graph);
		image = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
		final List<Operand<TFloat32>> skips = new ArrayList<>();
		final Operand<TFloat32> contrast = tf.clipByValue(tf.math.div(tf.math.sub(image, tf.constant(
			architecture.contrastLow)), tf.constant(architecture.contrastHigh - architecture.contrastLow)), tf.constant(0f),
			tf.constant(1f));
		Operand<TFloat32> x = tf.concat(Arrays.asList(image, contrast), tf.constant(3));
		int channels = 2;
		for (int level = 0; level < depth; level++) {
			final int c = width << level;
			x = block("down" + level, x, channels, c);
			channels = c;
			skips.add(x);
			x = tf.nn.maxPool(x, tf.constant(new int[] { 1, 2, 2, 1 }), tf.constant(new int[] { 1, 2, 2, 1 }), "VALID");
		}
		x = block("bottom", x, channels, width << depth);
		channels = width << depth;
		for (int level = depth - 1; level >= 0; level--) {
			final int c = width << level;
			final Operand<TFloat32> up = tf.nn.depthToSpace(conv("up" + level, x, 1, channels, 4 * c, false), 2L);
			x = tf.concat(Arrays.asList(up, skips.get(level)), tf.constant(3));
			x = block("up" + level, x, 2 * c, c);
			channels = c;
		}
		logits = conv("logits", x, 1, channels, architecture.classes, false);
		probabilities = tf.withName(OUTPUT).nn.softmax(logits);
	}

	/** Initial weights drawn from the seed: He-normal kernels, zero biases, in a fixed order. */
	List<float[]> initialValues(final long seed) {
		final Random random = new Random(seed);
		final List<float[]> values = new ArrayList<>();
		for (int v = 0; v < variables.size(); v++) {
			final float[] value = new float[(int) variables.get(v).shape().size()];
			final float stddev = stddevs.get(v);
			if (stddev > 0) for (int i = 0; i < value.length; i++)
				value[i] = (float) (random.nextGaussian() * stddev);
			else Arrays.fill(value, constants.get(v));
			values.add(value);
		}
		return values;
	}

	private Operand<TFloat32> block(final String name, final Operand<TFloat32> x, final int in, final int out) {
		return conv(name + "_b", conv(name + "_a", x, 3, in, out, true), 3, out, out, true);
	}

	private Operand<TFloat32> conv(final String name, final Operand<TFloat32> x, final int size, final int in,
		final int out, final boolean relu)
	{
		final Variable<TFloat32> kernel = variable(name + "_kernel", Shape.of(size, size, in, out), (float) Math.sqrt(
			(relu ? 2.0 : 1.0) / (size * size * in)), 0);
		final Operand<TFloat32> y = tf.nn.conv2d(x, kernel, UNIT_STRIDES, "SAME");
		// A normalised convolution's shift does what a bias would.
		if (relu) return tf.nn.relu(normalised(name, y, out));
		return tf.nn.biasAdd(y, variable(name + "_bias", Shape.of(out), 0, 0));
	}

	/**
	 * Instance normalisation: each channel of each tile to zero mean and unit variance over the tile, then a
	 * learned scale and shift. Folded into one factor and one offset per tile and channel, so that the full-size
	 * tensor is passed over for the two statistics and one multiply-add, not once per step of the formula.
	 */
	private Operand<TFloat32> normalised(final String name, final Operand<TFloat32> y, final int channels) {
		final Operand<TInt32> axes = tf.constant(new int[] { 1, 2 });
		final Operand<TFloat32> mean = tf.math.mean(y, axes, Mean.keepDims(true));
		final Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(y, mean), axes, Mean.keepDims(true));
		final Variable<TFloat32> scale = variable(name + "_scale", Shape.of(channels), 0, 1);
		final Variable<TFloat32> shift = variable(name + "_shift", Shape.of(channels), 0, 0);
		final Operand<TFloat32> factor = tf.math.mul(tf.math.rsqrt(tf.math.add(variance, tf.constant(1e-5f))), scale);
		final Operand<TFloat32> offset = tf.math.sub(shift, tf.math.mul(mean, factor));
		return tf.math.add(tf.math.mul(y, factor), offset);
	}

	private Variable<TFloat32> variable(final String name, final Shape shape, final float stddev,
		final float constant)
	{
		final Variable<TFloat32> v = tf.withName(name).variable(shape, TFloat32.class);
		variables.add(v);
		stddevs.add(stddev);
		constants.add(constant);
		return v;
	}
}
