package org.fewshotct.core.phantom;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.List;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;

/**
 * Synthetic abdominal CT slices with instance labels, for tests, demonstrations and training without real
 * data. A stack is one patient (build, fat, contrast and noise come from the seed) scanned from the pelvis
 * (first slice) to the lung bases (last), so which organs show changes along the stack. Every slice is
 * made from the seed and its index alone, so slices can be made in parallel and in any order, and the same
 * settings give the same pixels on every machine.
 */
public final class PhantomGenerator {

	/** Titles of the two stacks {@link #stacks} makes. */
	public static final String CT_TITLE = "phantom-ct", LABELS_TITLE = "phantom-labels";

	/** Annotated structures showing fewer pixels than this are left unannotated, as tiny specks would be. */
	static final int MIN_PIXELS = 4;

	private static final long NOISE_STREAM = 0x5bd1e995L;

	private final PhantomSettings settings;
	private final Patient patient;

	public PhantomGenerator(final PhantomSettings settings) {
		this.settings = settings;
		patient = new Patient(settings.seed());
	}

	public PhantomSettings settings() {
		return settings;
	}

	/** The slice label of slice {@code index} (0-based): {@code phantom-000}, {@code phantom-001}, ... */
	public static String sliceName(final int index) {
		return String.format("phantom-%03d", index);
	}

	/** Slice {@code index} (0-based) of the stack. */
	public PhantomSlice slice(final int index) {
		if (index < 0 || index >= settings.slices())
			throw new IndexOutOfBoundsException("Slice " + index + " of " + settings.slices());
		final PhantomRandom random = PhantomRandom.stream(settings.seed(), index);
		final double z = 0.02 + 0.96 * (index + 0.5 + random.uniform(-0.35, 0.35)) / settings.slices();
		final Canvas canvas = new Canvas(settings.size(), Torso.AIR);
		final Scene scene = new Scene(canvas, random, patient, z);
		Torso.paint(scene);
		final List<Organs.Host> hosts = Organs.paint(scene);
		Torso.lungs(scene);
		Bowel.paint(scene);
		Organs.vessels(scene);
		Skeleton.paint(scene);
		Organs.lesions(scene, hosts);
		final short[] labels = labels(canvas, random);
		final Kind[] kinds = new Kind[canvas.structures() + 1];
		for (int s = 1; s < kinds.length; s++)
			kinds[s] = canvas.kind(s);
		final int[] owners = canvas.owner.clone();
		final short[] ct = Acquisition.acquire(canvas, patient.noise, PhantomRandom.stream(settings.seed() ^
			NOISE_STREAM, index));
		return new PhantomSlice(sliceName(index), settings.size(), ct, labels, owners, kinds);
	}

	/** Labels 1..K for the annotated structures that show, in a random order; 0 elsewhere. */
	private static short[] labels(final Canvas canvas, final PhantomRandom random) {
		final int[] pixels = new int[canvas.structures() + 1];
		for (final int owner : canvas.owner)
			pixels[owner]++;
		int shown = 0;
		for (int s = 1; s < pixels.length; s++)
			if (canvas.annotated(s) && pixels[s] >= MIN_PIXELS) shown++;
		final int[] order = random.permutation(shown);
		final short[] label = new short[pixels.length];
		for (int s = 1, next = 0; s < pixels.length; s++)
			if (canvas.annotated(s) && pixels[s] >= MIN_PIXELS) label[s] = (short) order[next++];
		final short[] labels = new short[canvas.owner.length];
		for (int i = 0; i < labels.length; i++)
			labels[i] = label[canvas.owner[i]];
		return labels;
	}

	/** The whole stack, slices in parallel on up to {@code threads} threads. */
	public PhantomStacks stacks(final int threads, final Progress progress) {
		final int size = settings.size();
		final ImageStack ct = new ImageStack(size, size, settings.slices());
		final ImageStack labels = new ImageStack(size, size, settings.slices());
		SliceParallel.forEach(settings.slices(), threads, progress, s -> {
			final PhantomSlice slice = slice(s);
			ct.setPixels(slice.ct(), s + 1);
			ct.setSliceLabel(slice.name(), s + 1);
			labels.setPixels(slice.labels(), s + 1);
			labels.setSliceLabel(slice.name(), s + 1);
		});
		final ImagePlus ctImage = new ImagePlus(CT_TITLE, ct);
		ctImage.setDisplayRange(1024 - 160, 1024 + 240);
		final ImagePlus labelImage = new ImagePlus(LABELS_TITLE, labels);
		labelImage.setDisplayRange(0, Math.max(1, maxLabel(labels)));
		return new PhantomStacks(ctImage, labelImage);
	}

	private static int maxLabel(final ImageStack labels) {
		int max = 0;
		for (int s = 1; s <= labels.getSize(); s++)
			for (final short v : (short[]) labels.getPixels(s))
				max = Math.max(max, v & 0xffff);
		return max;
	}
}
