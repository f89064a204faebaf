package org.fewshotct.core.unet.tf;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.fewshotct.core.unet.TrainableUNet;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * A U-Net in training: the forward graph, a pixel-weighted softmax cross-entropy (sum of weight x loss over
 * the sum of weights) and Adam. Weights start from Java-drawn seeded values fed once into the variables,
 * so the same seed gives the same network.
 */
final class GraphUNet implements TrainableUNet {

	private final UNetGraph.Architecture architecture;
	private final ConfigProto config;
	private final String device;
	private final Graph graph = new Graph();
	private final UNetGraph net;
	private final Placeholder<TUint8> targets;
	private final Placeholder<TFloat32> weights;
	private final Operand<TFloat32> loss;
	private final Op train;
	private final Session session;

	GraphUNet(final UNetGraph.Architecture architecture, final float learningRate, final long seed,
		final ConfigProto config, final String device)
	{
		this.architecture = architecture;
		final int classes = architecture.classes;
		this.config = config;
		this.device = device;
		try {
			net = new UNetGraph(graph, architecture);
			final Ops tf = net.tf;
			targets = tf.withName("classes").placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1, -1)));
			weights = tf.withName("weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1)));
			final Operand<TFloat32> oneHot = tf.oneHot(targets, tf.constant(classes), tf.constant(1f), tf.constant(0f));
			final Operand<TFloat32> pixelLoss = tf.nn.softmaxCrossEntropyWithLogits(tf.reshape(net.logits, tf.constant(
				new int[] { -1, classes })), tf.reshape(oneHot, tf.constant(new int[] { -1, classes }))).loss();
			final Operand<TFloat32> flatWeights = tf.reshape(weights, tf.constant(new int[] { -1 }));
			loss = tf.withName("loss").math.div(tf.sum(tf.math.mul(pixelLoss, flatWeights), tf.constant(0)), tf.math
				.maximum(tf.sum(flatWeights, tf.constant(0)), tf.constant(1e-6f)));
			train = new Adam(graph, learningRate).minimize(loss, "train");
			session = new Session(graph, config);
			initialize(seed);
		}
		catch (final RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	private void initialize(final long seed) {
		final List<float[]> values = net.initialValues(seed);
		final List<Tensor> tensors = new ArrayList<>();
		try {
			final Session.Runner runner = session.runner();
			for (int v = 0; v < values.size(); v++) {
				final Variable<TFloat32> variable = net.variables.get(v);
				final Placeholder<TFloat32> initial = net.tf.withName(variable.op().name() + "_initial").placeholder(
					TFloat32.class, Placeholder.shape(variable.shape()));
				final TFloat32 tensor = Tensors.of(values.get(v), variable.shape());
				tensors.add(tensor);
				runner.feed(initial, tensor).addTarget(net.tf.withName(variable.op().name() + "_assign").assign(variable,
					initial));
			}
			runner.run().close();
		}
		finally {
			tensors.forEach(Tensor::close);
		}
	}

	@Override
	public float trainStep(final float[] images, final byte[] classMap, final float[] weightMap, final int batch,
		final int height, final int width)
	{
		return lossRun(images, classMap, weightMap, batch, height, width, true);
	}

	@Override
	public float loss(final float[] images, final byte[] classMap, final float[] weightMap, final int batch,
		final int height, final int width)
	{
		return lossRun(images, classMap, weightMap, batch, height, width, false);
	}

	private float lossRun(final float[] images, final byte[] classMap, final float[] weightMap, final int batch,
		final int height, final int width, final boolean step)
	{
		try (TFloat32 x = Tensors.images(images, batch, height, width);
			TUint8 y = Tensors.classes(classMap, batch, height, width);
			TFloat32 w = Tensors.maps(weightMap, batch, height, width))
		{
			final Session.Runner runner = session.runner().feed(net.image, x).feed(targets, y).feed(weights, w).fetch(
				loss);
			if (step) runner.addTarget(train);
			try (Result result = runner.run()) {
				return Tensors.scalar(result.get(0));
			}
		}
	}

	@Override
	public void predict(final float[] images, final int batch, final int height, final int width,
		final float[] probabilities)
	{
		try (TFloat32 x = Tensors.images(images, batch, height, width);
			Result result = session.runner().feed(net.image, x).fetch(net.probabilities).run())
		{
			Tensors.copy(result.get(0), probabilities);
		}
	}

	@Override
	public void saveCheckpoint(final File prefix) {
		session.save(prefix.getAbsolutePath());
	}

	@Override
	public void restoreCheckpoint(final File prefix) {
		session.restore(prefix.getAbsolutePath());
	}

	@Override
	public void exportSavedModel(final File folder) throws IOException {
		final Path scratch = Files.createTempDirectory("few-shot-ct-unet-export");
		try (Graph inference = new Graph()) {
			final File prefix = scratch.resolve("weights").toFile();
			saveCheckpoint(prefix);
			final UNetGraph forward = new UNetGraph(inference, architecture);
			try (Session exported = new Session(inference, config)) {
				exported.restore(prefix.getAbsolutePath());
				SavedModelBundle.exporter(folder.getAbsolutePath()).withSession(exported).withSignature(Signature.builder()
					.key(Signature.DEFAULT_KEY).input(UNetGraph.INPUT, forward.image).output(UNetGraph.OUTPUT,
						forward.probabilities).build()).export();
			}
		}
		finally {
			deleteTree(scratch);
		}
	}

	@Override
	public String device() {
		return device;
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}

	static void deleteTree(final Path root) throws IOException {
		if (!Files.exists(root)) return;
		try (Stream<Path> paths = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
	}
}
