package org.fewshotct.core;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/** Checks and conversions on ImageJ stacks shared by the methods and commands. */
public final class Stacks {

	private Stacks() {}

	/** Whether {@link #requireLabels} would accept the stack: 8 or 16-bit, and no sampled slice looks like CT. */
	public static boolean looksLikeLabels(final ImagePlus image) {
		return (image.getBitDepth() == 8 || image.getBitDepth() == 16) && CtLikeContent.evidence(image) == null;
	}

	/** Refuses anything that cannot be a label image: colour or floating-point data, or a CT by its content. */
	public static void requireLabels(final ImagePlus labels, final String role) {
		if (labels.getBitDepth() != 8 && labels.getBitDepth() != 16)
			throw new UserInputException("The " + role + " '" + labels.getTitle() + "' must be an 8 or 16-bit label " +
				"image, but it is " + (labels.getBitDepth() == 24 ? "RGB colour" : labels.getBitDepth() + "-bit"));
		final String ct = CtLikeContent.evidence(labels);
		if (ct != null) throw new UserInputException("The " + role + " '" + labels.getTitle() + "' looks like a CT, " +
			"not a label image: its " + ct);
	}

	/**
	 * Refuses what cannot be a CT: colour, a calibration that gives no Hounsfield units ({@link HounsfieldScale}),
	 * a stack of one value in every pixel (an empty export), or a label image given where a CT is expected, by the
	 * same content rule that {@link #requireLabels} applies the other way round.
	 */
	public static void requireCt(final ImagePlus ct, final String role) {
		if (ct.getBitDepth() == 24)
			throw new UserInputException("The " + role + " '" + ct.getTitle() + "' is RGB colour; CT must be grayscale");
		HounsfieldScale.of(ct);
		if (ct.getBitDepth() == 32) { // labels are 8 or 16-bit
			requireNotConstant(ct, role);
			return;
		}
		if (CtLikeContent.evidence(ct) != null) return;
		requireNotConstant(ct, role); // one value throughout says more than "looks like labels"
		throw new UserInputException("The " + role + " '" + ct.getTitle() + "' looks like a label image, not a CT: " +
			"its " + CtLikeContent.labelEvidence(ct));
	}

	private static void requireNotConstant(final ImagePlus ct, final String role) {
		final ImageStack stack = ct.getStack();
		final float first = stack.getProcessor(1).getf(0);
		for (int s = 1; s <= stack.getSize(); s++) {
			final ImageProcessor slice = stack.getProcessor(s);
			for (int i = 0; i < slice.getPixelCount(); i++)
				if (Float.compare(slice.getf(i), first) != 0) return;
		}
		throw constant(ct, role, first);
	}

	private static UserInputException constant(final ImagePlus ct, final String role, final double value) {
		return new UserInputException("The " + role + " '" + ct.getTitle() + "' holds the value " + PlainNumbers.of(
			value) + " in every pixel of every slice: it is not a CT (an empty or failed export?)");
	}

	/** Refuses two stacks that differ in slice size or count. */
	public static void requireSameShape(final ImagePlus a, final String roleA, final ImagePlus b, final String roleB) {
		if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight())
			throw new UserInputException("The " + roleA + " '" + a.getTitle() + "' is " + a.getWidth() + "x" +
				a.getHeight() + " but the " + roleB + " '" + b.getTitle() + "' is " + b.getWidth() + "x" + b.getHeight());
		if (a.getStackSize() != b.getStackSize())
			throw new UserInputException("The " + roleA + " '" + a.getTitle() + "' has " + a.getStackSize() +
				" slices but the " + roleB + " '" + b.getTitle() + "' has " + b.getStackSize());
	}

	/** A label slice's values as ints (unsigned). */
	public static int[] labelValues(final ImageProcessor slice) {
		final Object pixels = slice.getPixels();
		final int[] values = new int[slice.getPixelCount()];
		if (pixels instanceof byte[]) {
			final byte[] bytes = (byte[]) pixels;
			for (int i = 0; i < values.length; i++)
				values[i] = bytes[i] & 0xff;
		}
		else if (pixels instanceof short[]) {
			final short[] shorts = (short[]) pixels;
			for (int i = 0; i < values.length; i++)
				values[i] = shorts[i] & 0xffff;
		}
		else throw new UserInputException("Label slices must be 8 or 16-bit, not " + slice.getBitDepth() + "-bit");
		return values;
	}

	/** A label slice's pixels as unsigned 16-bit values: 16-bit pixels as they are, 8-bit widened. */
	public static short[] labelShorts(final Object pixels) {
		return labelShorts(pixels, null);
	}

	/** As {@link #labelShorts(Object)}, widening 8-bit pixels into {@code scratch} when it is large enough. */
	public static short[] labelShorts(final Object pixels, final short[] scratch) {
		if (pixels instanceof short[]) return (short[]) pixels;
		if (!(pixels instanceof byte[])) throw new UserInputException("Label slices must be 8 or 16-bit");
		final byte[] bytes = (byte[]) pixels;
		final short[] shorts = scratch != null && scratch.length == bytes.length ? scratch : new short[bytes.length];
		for (int i = 0; i < bytes.length; i++)
			shorts[i] = (short) (bytes[i] & 0xff);
		return shorts;
	}

	/** A 16-bit label slice from int labels; refuses labels beyond 16 bits. */
	public static ShortProcessor labelSlice(final int[] labels, final int width, final int height) {
		final short[] pixels = new short[labels.length];
		for (int i = 0; i < labels.length; i++) {
			if (labels[i] < 0 || labels[i] > 65535)
				throw new IllegalStateException("Label " + labels[i] + " does not fit a 16-bit label image");
			pixels[i] = (short) labels[i];
		}
		return new ShortProcessor(width, height, pixels, null);
	}

	/** A slice's name: the first line of its label, or null when it has none. */
	public static String sliceName(final ImageStack stack, final int slice) {
		final String label = stack.getSliceLabel(slice);
		if (label == null) return null;
		final String first = label.split("\n", 2)[0].trim();
		return first.isEmpty() ? null : first;
	}

	/**
	 * Gives an image made from a CT (labels, class maps) the CT's pixel size, unit and origin, but not its
	 * value calibration: a label or a probability is not in Hounsfield units, and with the CT's function Fiji
	 * would show and measure label 5 of a signed DICOM as -32763.
	 */
	public static void calibrateLike(final ImagePlus image, final ImagePlus ct) {
		final Calibration spatial = ct.getCalibration().copy();
		spatial.disableDensityCalibration();
		image.setCalibration(spatial);
	}

	/** An empty stack of the given slice size, to be filled slice by slice in parallel. */
	public static ImageStack emptyLike(final ImagePlus model, final int bitDepth) {
		final ImageStack source = model.getStack();
		final ImageStack stack = ImageStack.create(source.getWidth(), source.getHeight(), source.getSize(), bitDepth);
		for (int s = 1; s <= source.getSize(); s++)
			stack.setSliceLabel(source.getSliceLabel(s), s);
		return stack;
	}
}
