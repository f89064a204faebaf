package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.Prefs;
import ij.measure.Calibration;
import ij.plugin.DICOM;
import ij.process.ImageProcessor;
import ij.util.DicomTools;

import java.io.File;

import org.fewshotct.core.UserInputException;

/**
 * One DICOM file read through ImageJ's own reader ({@code ij.plugin.DICOM}): its pixels as ImageJ stores them,
 * the straight line from those values to Hounsfield units, and the tags that place it in its series.
 */
final class DicomSlice {

	final File file;
	final ImageProcessor pixels;
	/** HU = intercept + slope * stored value. */
	final double intercept;
	final double slope;
	final String series;
	/** ImagePositionPatient (mm), or null. */
	final double[] position;
	/** ImageOrientationPatient (row and column direction cosines), or null. */
	final double[] orientation;
	/** InstanceNumber, or null. */
	final Integer instance;
	final Calibration spatial;

	private DicomSlice(final File file, final ImagePlus image, final double intercept,
		final double slope)
	{
		this.file = file;
		this.pixels = image.getProcessor();
		this.intercept = intercept;
		this.slope = slope;
		final String uid = tag(image, "0020,000E");
		series = uid == null ? "" : uid;
		position = numbers(tag(image, "0020,0032"), 3);
		orientation = numbers(tag(image, "0020,0037"), 6);
		final double[] number = numbers(tag(image, "0020,0013"), 1);
		instance = number == null ? null : (int) Math.round(number[0]);
		spatial = image.getCalibration();
	}

	/**
	 * Reads one file; refuses compressed pixels, files ImageJ cannot decode, several frames and colour, naming
	 * the file. {@code lock} serialises ImageJ's reader, which keeps state in static fields.
	 */
	static DicomSlice read(final File file, final Object lock) {
		DicomHeader.read(file).requireDecodable(file);
		final DICOM dicom = new DICOM();
		synchronized (lock) {
			// Left to itself, ImageJ's reader converts rescaled slices to 32-bit through IJ.run, which needs
			// ImageJ's menus (absent in a plain JVM); the straight line to HU is applied from the tags instead.
			final boolean ignoreSlope = Prefs.ignoreRescaleSlope;
			final boolean asFloat = Prefs.openDicomsAsFloat;
			Prefs.ignoreRescaleSlope = true;
			Prefs.openDicomsAsFloat = false;
			try {
				dicom.open(file.getAbsolutePath());
			}
			finally {
				Prefs.ignoreRescaleSlope = ignoreSlope;
				Prefs.openDicomsAsFloat = asFloat;
			}
		}
		if (dicom.getWidth() == 0) throw new UserInputException("Cannot read DICOM file " + file + ": ImageJ's " +
			"DICOM reader could not decode it");
		if (dicom.getStackSize() != 1) throw new UserInputException("DICOM file " + file + " holds " + dicom
			.getStackSize() + " frames; Open CT Slices reads one 2D slice per file");
		if (dicom.getBitDepth() == 24) throw new UserInputException("DICOM file " + file + " is RGB colour; CT " +
			"must be grayscale");
		final double slope = value(dicom, "0028,1053", 1);
		final double intercept = value(dicom, "0028,1052", 0);
		if (!(slope > 0)) throw new UserInputException("DICOM file " + file + " has RescaleSlope " + slope +
			"; Hounsfield units need a slope > 0");
		// ImageJ stores signed 16-bit pixels as value + 32768
		final boolean signed = dicom.getBitDepth() == 16 && value(dicom, "0028,0103", 0) == 1;
		return new DicomSlice(file, dicom, intercept - (signed ? 32768 * slope : 0), slope);
	}

	/** This slice's position along a slice normal, or NaN without a position. */
	double along(final double[] normal) {
		if (position == null) return Double.NaN;
		return position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2];
	}

	/** The normal of the slice plane: the row direction crossed with the column direction (z without one). */
	double[] normal() {
		if (orientation == null) return new double[] { 0, 0, 1 };
		final double[] r = { orientation[0], orientation[1], orientation[2] };
		final double[] c = { orientation[3], orientation[4], orientation[5] };
		return new double[] { r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0] };
	}

	private static String tag(final ImagePlus image, final String id) {
		final String value = DicomTools.getTag(image, id);
		if (value == null) return null;
		final String trimmed = value.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static double value(final ImagePlus image, final String id, final double otherwise) {
		final double[] numbers = numbers(tag(image, id), 1);
		return numbers == null ? otherwise : numbers[0];
	}

	/** The first n numbers of a multi-valued tag ("a\b\c"), or null when missing or not numbers. */
	private static double[] numbers(final String text, final int n) {
		if (text == null) return null;
		final String[] parts = text.split("\\\\");
		if (parts.length < n) return null;
		final double[] values = new double[n];
		try {
			for (int i = 0; i < n; i++)
				values[i] = Double.parseDouble(parts[i].trim());
		}
		catch (final NumberFormatException e) {
			return null;
		}
		return values;
	}
}
