package org.fewshotct.core.unet;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.fewshotct.core.io.AtomicOutput;

/**
 * The pseudo-labels of a training, kept in its checkpoint folder so that a resumed training learns from the very
 * labels the interrupted one made. Made again from the teacher's weights they could differ: TensorFlow's CPU
 * kernels do not promise the same float order on every call, and a decoded instance boundary moves with a
 * last-bit change of a probability. Each slice's instance labels and weights, row-major, compressed (the labels
 * come in long runs, the weights are mostly 0 or 1); the CT values are the unlabelled slices', not stored.
 */
final class PseudoLabelsFile {

	static final String NAME = "pseudo-labels.bin";
	private static final int MAGIC = 0x46535053; // "FSPS"
	private static final int VERSION = 1;

	private PseudoLabelsFile() {}

	static File in(final File checkpoints) {
		return new File(checkpoints, NAME);
	}

	static void write(final File checkpoints, final List<LabelledSlice> pseudo) throws IOException {
		final LabelledSlice first = pseudo.get(0);
		AtomicOutput.write(in(checkpoints), path -> {
			// Fastest level: the labels' long runs compress well at any level (22 slices: 1 MB of 46).
			final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
			try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(new BufferedOutputStream(Files
				.newOutputStream(path)), deflater, 1 << 16)))
			{
				out.writeInt(MAGIC);
				out.writeInt(VERSION);
				out.writeInt(pseudo.size());
				out.writeInt(first.width);
				out.writeInt(first.height);
				final ByteBuffer buffer = ByteBuffer.allocate(8 * first.width * first.height);
				for (final LabelledSlice slice : pseudo) {
					buffer.clear();
					buffer.asIntBuffer().put(slice.labels);
					buffer.position(4 * slice.labels.length);
					buffer.asFloatBuffer().put(slice.weights);
					out.write(buffer.array());
				}
			}
			finally {
				deflater.end(); // a stream given its own deflater leaves it to the caller
			}
		});
	}

	/** The pseudo-labels written for these unlabelled slices, with their values. */
	static List<LabelledSlice> read(final File checkpoints, final UnlabelledSlices unlabelled) throws IOException {
		final int width = unlabelled.values.getWidth();
		final int height = unlabelled.values.getHeight();
		try (DataInputStream in = new DataInputStream(new InflaterInputStream(new BufferedInputStream(Files
			.newInputStream(in(checkpoints).toPath()), 1 << 16))))
		{
			if (in.readInt() != MAGIC || in.readInt() != VERSION) throw new IOException("not a pseudo-labels file");
			final int count = in.readInt();
			if (count != unlabelled.size() || in.readInt() != width || in.readInt() != height)
				throw new IOException("made for other unlabelled slices");
			final byte[] bytes = new byte[8 * width * height];
			final List<LabelledSlice> slices = new ArrayList<>();
			for (int s = 0; s < count; s++) {
				in.readFully(bytes);
				final ByteBuffer buffer = ByteBuffer.wrap(bytes);
				final int[] labels = new int[width * height];
				final float[] weights = new float[width * height];
				buffer.asIntBuffer().get(labels);
				buffer.position(4 * labels.length);
				buffer.asFloatBuffer().get(weights);
				slices.add(new LabelledSlice((float[]) unlabelled.values.getPixels(s + 1), labels, weights, width,
					height));
			}
			return Collections.unmodifiableList(slices);
		}
	}
}
