package org.fewshotct.core.unet;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;

/**
 * The labelled slices of a training, split into training and validation slices. Slices whose labels are
 * all 0 carry nothing to learn and are left out; round(n x fraction) of the others (at most n - 1), spread
 * evenly through the stack, are held out for validation, unless they would be fewer than
 * {@link DecoderTuning#MIN_SLICES}: so few pick neither the epoch nor the decoder, and a few-shot training
 * needs every slice (on ircadb1, 11 slices, holding out the one that validation=0.1 asks for cost 0.035 in
 * mean ARI on the 22 others).
 */
final class TrainingSlices {

	final List<LabelledSlice> training;
	final List<LabelledSlice> validation;
	/** The validation slices' positions in the labels stack (1-based). */
	final Set<Integer> validationPositions;
	/** The validation slices the fraction asked for that were too few to hold out (0 when none). */
	final int tooFewToHold;

	private TrainingSlices(final List<LabelledSlice> training, final List<LabelledSlice> validation,
		final Set<Integer> validationPositions, final int tooFewToHold)
	{
		this.validationPositions = Collections.unmodifiableSet(validationPositions);
		this.training = Collections.unmodifiableList(training);
		this.validation = Collections.unmodifiableList(validation);
		this.tooFewToHold = tooFewToHold;
	}

	static TrainingSlices of(final ImagePlus ct, final ImagePlus labels, final double validationFraction) {
		final ImageStack ctStack = ct.getStack();
		final ImageStack labelStack = labels.getStack();
		final List<LabelledSlice> labelled = new ArrayList<>();
		final List<Integer> positions = new ArrayList<>();
		for (int s = 1; s <= ctStack.getSize(); s++) {
			final int[] ids = Stacks.labelValues(labelStack.getProcessor(s));
			boolean any = false;
			for (final int id : ids)
				any |= id != 0;
			if (!any) continue;
			final ImageProcessor slice = ctStack.getProcessor(s);
			final float[] values = new float[ids.length];
			for (int i = 0; i < values.length; i++)
				values[i] = slice.getf(i);
			labelled.add(new LabelledSlice(values, ids, ct.getWidth(), ct.getHeight()));
			positions.add(s);
		}
		if (labelled.isEmpty()) throw new UserInputException("The labels '" + labels.getTitle() +
			"' hold no structure (every slice is all 0): there is nothing to learn");
		final int n = labelled.size();
		final int asked = validationFraction <= 0 || n < 2 ? 0 : Math.min(n - 1, Math.max(1, (int) Math.round(n *
			validationFraction)));
		final int held = asked < DecoderTuning.MIN_SLICES ? 0 : asked;
		final boolean[] isHeld = new boolean[n];
		for (int k = 0; k < held; k++)
			isHeld[(int) ((k + 0.5) * n / held)] = true;
		final List<LabelledSlice> training = new ArrayList<>();
		final List<LabelledSlice> validation = new ArrayList<>();
		final Set<Integer> validationPositions = new TreeSet<>();
		for (int i = 0; i < n; i++) {
			(isHeld[i] ? validation : training).add(labelled.get(i));
			if (isHeld[i]) validationPositions.add(positions.get(i));
		}
		return new TrainingSlices(training, validation, validationPositions, asked - held);
	}

	/** Steps of an epoch: as many tiles as cover the training slices once, in whole batches. */
	int stepsPerEpoch(final int tile, final int batch) {
		double pixels = 0;
		for (final LabelledSlice slice : training)
			pixels += (double) slice.width * slice.height;
		return Math.max(1, (int) Math.round(pixels / ((double) tile * tile * batch)));
	}

	/**
	 * Identifies the slices (the unlabelled ones too, if any) and every setting that shapes the training except
	 * the number of epochs.
	 */
	String fingerprint(final UNetSettings settings, final IntensityWindow window, final int bitDepth,
		final UnlabelledSlices unlabelled)
	{
		final CRC32 crc = new CRC32();
		final Map<String, String> map = settings.toMap();
		map.remove("epochs");
		map.keySet().removeIf(k -> k.startsWith("decoder."));
		crc.update((map + " " + window + " " + bitDepth + " " + training.size() + " " + validation.size() + " layout " +
			TrainableUNet.LAYOUT).getBytes(
			StandardCharsets.UTF_8));
		final List<LabelledSlice> all = new ArrayList<>(training);
		all.addAll(validation);
		final ByteBuffer buffer = ByteBuffer.allocate(8);
		for (final LabelledSlice slice : all) {
			for (int i = 0; i < slice.values.length; i++) {
				buffer.clear();
				buffer.putFloat(slice.values[i]).putInt(slice.labels[i]);
				crc.update(buffer.array(), 0, 8);
			}
		}
		if (unlabelled != null) unlabelled.fingerprint(crc);
		return Long.toHexString(crc.getValue()) + "-" + all.size() + (unlabelled != null ? "+" + unlabelled.size()
			: "");
	}
}
