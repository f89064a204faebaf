package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.UserInputException;

/**
 * A folder's DICOM files as one CT stack in Hounsfield units: read through ImageJ's DICOM reader, one series
 * per folder, ordered by position along the slice normal when the positions differ, else by instance number,
 * else by file name. The stack keeps ImageJ's 16-bit pixels with the straight line to HU as its calibration
 * ({@link HounsfieldScale}); slices whose lines differ (or that ImageJ opened as 32-bit) become a 32-bit stack
 * of HU. Slice labels are the file names.
 */
final class DicomSeriesReader {

	/** Soft-tissue window [-160, 240] HU: what the stack shows when opened. */
	private static final double DISPLAY_MIN_HU = -160;
	private static final double DISPLAY_MAX_HU = 240;

	private DicomSeriesReader() {}

	/** Reads the DICOM files (natural file-name order) of the folder as one stack titled with its name. */
	static ImagePlus read(final File folder, final List<File> files, final int threads, final Progress progress,
		final Object imageJLock)
	{
		final DicomSlice[] slices = new DicomSlice[files.size()];
		SliceParallel.forEach(slices.length, threads, progress, i -> slices[i] = DicomSlice.read(files.get(i),
			imageJLock));
		requireOneSeries(folder, slices);
		final List<DicomSlice> ordered = new ArrayList<>(Arrays.asList(slices));
		final String order = order(ordered);
		final ImagePlus image = new ImagePlus(folder.getName(), stack(ordered));
		image.setCalibration(calibration(ordered));
		final HounsfieldScale scale = HounsfieldScale.of(image);
		image.setDisplayRange(scale.stored(DISPLAY_MIN_HU), scale.stored(DISPLAY_MAX_HU));
		image.setProperty("Info", "DICOM series " + ordered.get(0).series + ": " + ordered.size() + " slices " +
			order + "; " + scale + "\n");
		return image;
	}

	private static void requireOneSeries(final File folder, final DicomSlice[] slices) {
		final Map<String, List<File>> series = new LinkedHashMap<>();
		for (final DicomSlice slice : slices)
			series.computeIfAbsent(slice.series, k -> new ArrayList<>()).add(slice.file);
		if (series.size() == 1) return;
		final StringBuilder list = new StringBuilder();
		series.forEach((uid, members) -> list.append(list.length() == 0 ? "" : "; ").append(uid.isEmpty()
			? "(no SeriesInstanceUID)" : uid).append(": ").append(members.size()).append(" files, e.g. ").append(members
				.get(0).getName()));
		throw new UserInputException("The folder " + folder + " holds " + series.size() + " DICOM series; Open CT " +
			"Slices reads one series per folder, so move each into a folder of its own. Series: " + list);
	}

	/**
	 * Sorts the slices (given in natural file-name order) and says how: by position along the slice normal when
	 * every slice has one and no two coincide, else by instance number when every slice has a different one.
	 */
	private static String order(final List<DicomSlice> slices) {
		final double[] normal = slices.get(0).normal();
		if (distinct(slices, s -> s.along(normal))) {
			slices.sort(Comparator.comparingDouble(s -> s.along(normal)));
			return "ordered by position along the slice normal";
		}
		if (distinct(slices, s -> s.instance == null ? Double.NaN : s.instance)) {
			slices.sort(Comparator.comparingInt(s -> s.instance));
			return "ordered by instance number (positions missing or equal)";
		}
		return "in file-name order (positions and instance numbers missing or equal)";
	}

	private static boolean distinct(final List<DicomSlice> slices,
		final java.util.function.ToDoubleFunction<DicomSlice> key)
	{
		final Set<Double> seen = new HashSet<>();
		for (final DicomSlice slice : slices) {
			final double value = key.applyAsDouble(slice);
			if (Double.isNaN(value) || !seen.add(value)) return false;
		}
		return true;
	}

	/** The pixels as ImageJ stores them when all slices share one 16-bit line to HU; else 32-bit HU. */
	private static ImageStack stack(final List<DicomSlice> slices) {
		final DicomSlice first = slices.get(0);
		final ImageStack stack = new ImageStack(first.pixels.getWidth(), first.pixels.getHeight());
		final boolean asStored = sameLine(slices) && first.pixels.getBitDepth() == 16;
		for (final DicomSlice slice : slices) {
			final ImageProcessor pixels = slice.pixels;
			if (pixels.getWidth() != stack.getWidth() || pixels.getHeight() != stack.getHeight())
				throw new UserInputException("DICOM file " + slice.file + " is " + pixels.getWidth() + "x" + pixels
					.getHeight() + ", but " + first.file.getName() + " is " + stack.getWidth() + "x" + stack.getHeight());
			stack.addSlice(slice.file.getName(), asStored ? pixels : hounsfield(slice));
		}
		return stack;
	}

	private static boolean sameLine(final List<DicomSlice> slices) {
		final DicomSlice first = slices.get(0);
		for (final DicomSlice slice : slices)
			if (slice.pixels.getBitDepth() != first.pixels.getBitDepth() || slice.intercept != first.intercept ||
				slice.slope != first.slope) return false;
		return true;
	}

	private static FloatProcessor hounsfield(final DicomSlice slice) {
		final ImageProcessor pixels = slice.pixels;
		final float[] hu = new float[pixels.getPixelCount()];
		for (int i = 0; i < hu.length; i++)
			hu[i] = (float) (slice.intercept + slice.slope * pixels.getf(i));
		return new FloatProcessor(pixels.getWidth(), pixels.getHeight(), hu);
	}

	/** The pixel size of the first slice, and for 16-bit stacks the straight line to HU. */
	private static Calibration calibration(final List<DicomSlice> slices) {
		final DicomSlice first = slices.get(0);
		final Calibration calibration = new Calibration();
		calibration.pixelWidth = first.spatial.pixelWidth;
		calibration.pixelHeight = first.spatial.pixelHeight;
		calibration.pixelDepth = first.spatial.pixelDepth;
		calibration.setUnit(first.spatial.getUnit());
		if (sameLine(slices) && first.pixels.getBitDepth() == 16)
			calibration.setFunction(Calibration.STRAIGHT_LINE, new double[] { first.intercept, first.slope }, "HU");
		return calibration;
	}
}
