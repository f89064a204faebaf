package org.fewshotct.ij1;

import ij.ImagePlus;
import ij.WindowManager;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fewshotct.command.OpenImages;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;

/**
 * The image inputs of the suite's commands, of two kinds told apart by their keys (public, so stable): CT stacks
 * ({@code ct=}, {@code unlabelled=}) and label stacks ({@code labels=}, {@code truth=}, {@code prediction=}). A
 * dialog starts each input on a different open image of its kind, and no run takes one image for two inputs
 * where that makes no sense (a prediction scored against itself, a CT as its own labels).
 */
public final class ImageInputs {

	private static final List<String> LABEL_KEYS = Arrays.asList("labels", "truth", "prediction");

	private ImageInputs() {}

	/** Whether the key takes a label stack; every other image key takes a CT stack. */
	static boolean takesLabels(final String key) {
		return LABEL_KEYS.contains(key);
	}

	/**
	 * The image each input starts on in a dialog, null for an optional input (none). A required input starts on
	 * an open image of its kind that no input after it took, the active image first and then the most recent:
	 * so Rand Index's prediction starts on the segmentation just made and its truth on the label stack before.
	 * Failing that it starts on an image no other input took, failing that on the active or most recent image.
	 * {@code inputs} are a command's image inputs.
	 */
	public static ImagePlus[] starting(final List<Field> inputs) {
		final List<ImagePlus> candidates = OpenImages.all();
		Collections.reverse(candidates);
		final ImagePlus active = WindowManager.getCurrentImage();
		if (active != null && candidates.remove(active)) candidates.add(0, active);
		final Map<ImagePlus, Kind> kinds = new HashMap<>();
		final List<ImagePlus> taken = new ArrayList<>();
		final ImagePlus[] starting = new ImagePlus[inputs.size()];
		for (int i = starting.length - 1; i >= 0; i--) {
			if (!CommandParameters.annotation(inputs.get(i)).required() || candidates.isEmpty()) continue;
			final Kind kind = takesLabels(inputs.get(i).getName()) ? Kind.LABELS : Kind.CT;
			ImagePlus pick = null;
			for (final ImagePlus image : candidates)
				if (pick == null && !taken.contains(image) && kinds.computeIfAbsent(image, Kind::of) == kind) pick = image;
			for (final ImagePlus image : candidates)
				if (pick == null && !taken.contains(image)) pick = image;
			starting[i] = pick != null ? pick : candidates.get(0);
			taken.add(starting[i]);
		}
		return starting;
	}

	/** What an open image looks like: colour images are neither CT nor labels. */
	private enum Kind {
		CT, LABELS, COLOUR;

		static Kind of(final ImagePlus image) {
			return image.getBitDepth() == 24 ? COLOUR : Stacks.looksLikeLabels(image) ? LABELS : CT;
		}
	}

	/**
	 * Refuses one image given for two inputs, unless both take a CT (Train U-Net's {@code unlabelled=} slices may
	 * be its {@code ct=} stack's; Train Weka Few-Shot's trainer refuses that itself). {@code values} holds every
	 * input's value, in the order of {@code keys}.
	 */
	public static void requireDistinct(final String[] keys, final Object[] values) {
		for (int i = 0; i < keys.length; i++)
			for (int j = i + 1; j < keys.length; j++)
				if (values[i] instanceof ImagePlus && values[i] == values[j] && (takesLabels(keys[i]) || takesLabels(
					keys[j]))) throw new UserInputException("'" + keys[i] + "=' and '" + keys[j] + "=' are the same image '" +
						((ImagePlus) values[i]).getTitle() + "': choose another image for one of them");
	}
}
