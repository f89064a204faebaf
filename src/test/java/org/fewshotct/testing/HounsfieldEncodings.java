package org.fewshotct.testing;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.plugin.FolderOpener;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fewshotct.core.Progress;
import org.fewshotct.core.io.SliceFolderReader;

/**
 * One phantom CT (HU + 1024, as the phantom generator stores it) in every encoding users bring, each holding the
 * same Hounsfield units: PNG slices, signed and unsigned DICOM (opened by Open CT Slices and by ImageJ's own
 * folder opener), DICOM with a rescale slope, 32-bit HU and a calibrated 16-bit stack.
 */
public final class HounsfieldEncodings {

	private HounsfieldEncodings() {}

	/** Each encoding by name, its files written into {@code folder}. */
	public static Map<String, ImagePlus> of(final ImagePlus ct, final File folder) throws IOException {
		final int width = ct.getWidth();
		final int height = ct.getHeight();
		final Map<String, ImagePlus> encodings = new LinkedHashMap<>();
		final File png = new File(folder, "png");
		TestStacks.savePngs(ct, png);
		encodings.put("PNG slices (HU + 1024)", SliceFolderReader.read(png, Progress.NONE));
		final File signed = dicom(ct, new File(folder, "signed"), DicomWriter.signedHu());
		encodings.put("signed DICOM", SliceFolderReader.read(signed, Progress.NONE));
		encodings.put("signed DICOM through ImageJ's FolderOpener", FolderOpener.open(signed.getPath()));
		final File unsigned = dicom(ct, new File(folder, "unsigned"), DicomWriter.unsignedHu());
		encodings.put("unsigned DICOM", SliceFolderReader.read(unsigned, Progress.NONE));
		encodings.put("unsigned DICOM through ImageJ's FolderOpener", FolderOpener.open(unsigned.getPath()));
		encodings.put("DICOM with slope 0.5", SliceFolderReader.read(dicom(ct, new File(folder, "slope"), DicomWriter
			.unsignedHu().pixels(false, 0.5, -1024)), Progress.NONE));
		encodings.put("32-bit HU", converted(ct, hu -> new FloatProcessor(width, height, floats(hu)), null));
		encodings.put("calibrated 16-bit", converted(ct, hu -> new ShortProcessor(width, height, shorts(hu, 2000, 2),
			null), new double[] { -2000, 0.5 }));
		return encodings;
	}

	/** One slice's encoding: the processor that stores its values in HU. */
	public interface Slice {

		ImageProcessor of(double[] hu);
	}

	/** Every slice of {@code ct} in HU through {@code encode}, with the straight-line {@code calibration} (or none). */
	public static ImagePlus converted(final ImagePlus ct, final Slice encode, final double[] calibration) {
		final ImageStack stack = new ImageStack(ct.getWidth(), ct.getHeight());
		for (int s = 1; s <= ct.getStackSize(); s++)
			stack.addSlice(ct.getStack().getSliceLabel(s), encode.of(hu(ct, s)));
		final ImagePlus image = new ImagePlus("ct", stack);
		if (calibration != null) image.getCalibration().setFunction(Calibration.STRAIGHT_LINE, calibration, "HU");
		return image;
	}

	/** A slice of the phantom CT in HU (it stores HU + 1024). */
	public static double[] hu(final ImagePlus ct, final int slice) {
		final ImageProcessor stored = ct.getStack().getProcessor(slice);
		final double[] hu = new double[stored.getPixelCount()];
		for (int i = 0; i < hu.length; i++)
			hu[i] = stored.getf(i) - 1024;
		return hu;
	}

	/** A DICOM folder of the slices, files without extension, positions and instances in name order. */
	private static File dicom(final ImagePlus ct, final File folder, final DicomWriter writer) throws IOException {
		if (!folder.mkdirs()) throw new IOException("Cannot create " + folder);
		for (int s = 1; s <= ct.getStackSize(); s++)
			writer.position(-24, -24, 2.5 * s).instance(s).write(new File(folder, "slice" + s), ct.getWidth(), ct
				.getHeight(), hu(ct, s));
		return folder;
	}

	private static float[] floats(final double[] hu) {
		final float[] out = new float[hu.length];
		for (int i = 0; i < hu.length; i++)
			out[i] = (float) hu[i];
		return out;
	}

	/** HU stored as (HU + offset) * factor. */
	private static short[] shorts(final double[] hu, final double offset, final double factor) {
		final short[] out = new short[hu.length];
		for (int i = 0; i < hu.length; i++)
			out[i] = (short) Math.round((hu[i] + offset) * factor);
		return out;
	}
}
