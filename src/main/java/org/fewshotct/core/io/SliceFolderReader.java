package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.UserInputException;

/**
 * Reads a folder of 2D slices as one stack, each slice labelled with its file name: PNG or TIFF (8, 16 or 32-bit
 * grayscale) in natural file-name order (2.png before 10.png), or one DICOM series ({@link DicomSeriesReader}),
 * recognised by content whatever the file names.
 */
public final class SliceFolderReader {

	/** ImageJ's readers keep state in static fields: one file at a time through them. */
	private static final Object IMAGEJ_READERS = new Object();

	private SliceFolderReader() {}

	/**
	 * The slice files of the folder in natural order: its PNG or TIFF slices, or else its DICOM files (the "DICM"
	 * mark at byte 128, whatever the name; a DICOMDIR index aside). Refuses a missing, unreadable, unfinished or
	 * empty folder, and one that mixes DICOM files with PNG or TIFF slices. One listing serves both kinds.
	 */
	static FolderSlices list(final File folder) {
		if (folder == null || !folder.isDirectory())
			throw new UserInputException("Not a folder: " + folder);
		if (!FilePermissions.readable(folder.toPath())) throw new UserInputException("Cannot read the folder " +
			folder + ": permission denied");
		FolderOutput.requireComplete(folder);
		final File[] files = folder.listFiles(File::isFile);
		if (files == null) throw new UserInputException("Cannot read the folder " + folder);
		Arrays.sort(files, (a, b) -> NaturalOrder.compare(a.getName(), b.getName()));
		final List<File> images = new ArrayList<>();
		final List<File> dicom = new ArrayList<>();
		for (final File f : files) {
			final String name = f.getName();
			if (isSliceFile(name)) images.add(f);
			else if (!name.startsWith(".") && !name.equalsIgnoreCase("DICOMDIR") && DicomHeader.isDicom(f)) dicom.add(f);
		}
		if (!dicom.isEmpty() && !images.isEmpty()) throw new UserInputException("The folder " + folder + " mixes " +
			dicom.size() + " DICOM files (e.g. " + dicom.get(0).getName() + ") with " + images.size() + " PNG or " +
			"TIFF slices (e.g. " + images.get(0).getName() + "); put the DICOM series and the slices in separate " +
			"folders");
		if (dicom.isEmpty() && images.isEmpty()) throw new UserInputException("No PNG, TIFF or DICOM slices in " +
			"folder " + folder);
		return new FolderSlices(images, dicom);
	}

	/** What {@link #list} found: PNG or TIFF slices, or DICOM files; one of the two is empty. */
	static final class FolderSlices {

		final List<File> images;
		final List<File> dicom;

		private FolderSlices(final List<File> images, final List<File> dicom) {
			this.images = images;
			this.dicom = dicom;
		}
	}

	static boolean isSliceFile(final String name) {
		final String n = name.toLowerCase(Locale.ROOT);
		return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".tif") || n.endsWith(".tiff"));
	}

	/** Reads every slice of the folder into one stack titled with the folder's name, on all cores. */
	public static ImagePlus read(final File folder, final Progress progress) {
		return read(folder, SliceParallel.defaultThreads(), progress);
	}

	/**
	 * Reads every slice of the folder into one stack titled with the folder's name: its PNG or TIFF slices, or
	 * its DICOM series in Hounsfield units.
	 */
	public static ImagePlus read(final File folder, final int threads, final Progress progress) {
		final FolderSlices slices = list(folder);
		final ImagePlus image = slices.dicom.isEmpty() ? readImages(folder, slices.images, threads, progress)
			: DicomSeriesReader.read(folder, slices.dicom, threads, progress, IMAGEJ_READERS);
		SourceFiles.remember(image, folder);
		return image;
	}

	private static ImagePlus readImages(final File folder, final List<File> files, final int threads,
		final Progress progress)
	{
		final ImagePlus[] images = new ImagePlus[files.size()];
		SliceParallel.forEach(images.length, threads, progress, i -> images[i] = readSliceImage(files.get(i)));
		final ImageStack stack = new ImageStack(images[0].getWidth(), images[0].getHeight());
		final int bitDepth = images[0].getBitDepth();
		final Calibration calibration = images[0].getCalibration();
		for (int i = 0; i < images.length; i++) {
			final ImageProcessor slice = images[i].getProcessor();
			final File file = files.get(i);
			if (!sameValueCalibration(images[i].getCalibration(), calibration)) throw new UserInputException("Slice " +
				file + " is " + values(images[i].getCalibration()) + ", but the first slice is " + values(calibration) +
				": the same values would mean different Hounsfield units");
			if (slice.getWidth() != stack.getWidth() || slice.getHeight() != stack.getHeight())
				throw new UserInputException("Slice " + file + " is " + slice.getWidth() + "x" + slice.getHeight() +
					", but the first slice is " + stack.getWidth() + "x" + stack.getHeight());
			if (slice.getBitDepth() != bitDepth) throw new UserInputException("Slice " + file + " is " + slice
				.getBitDepth() + "-bit, but the first slice is " + bitDepth + "-bit");
			stack.addSlice(file.getName(), slice);
		}
		final ImagePlus image = new ImagePlus(folder.getName(), stack);
		// A TIFF saved from a calibrated stack (signed DICOM, say) carries its Hounsfield units and pixel size
		image.setCalibration(calibration);
		return image;
	}

	private static boolean sameValueCalibration(final Calibration a, final Calibration b) {
		return a.getFunction() == b.getFunction() && Arrays.equals(a.getCoefficients(), b.getCoefficients());
	}

	private static String values(final Calibration calibration) {
		return calibration.calibrated() ? "calibrated with coefficients " + Arrays.toString(calibration
			.getCoefficients()) : "uncalibrated";
	}

	/**
	 * One grayscale slice; refuses unreadable, colour or non-image files, naming the file. Grayscale PNGs, the
	 * common case, are decoded by {@link GrayPng}; anything else by ImageJ, one file at a time, as its opener
	 * was not written for concurrent use.
	 */
	public static ImageProcessor readSlice(final File file) {
		return readSliceImage(file).getProcessor();
	}

	/** As {@link #readSlice}, with the calibration ImageJ read from the file. */
	private static ImagePlus readSliceImage(final File file) {
		SliceFileCheck.require(file);
		try {
			final ImageProcessor png = GrayPng.read(file);
			if (png != null) return new ImagePlus(file.getName(), png);
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot read image file " + file + ": " + e.getMessage(), e);
		}
		final ImagePlus image;
		synchronized (IMAGEJ_READERS) {
			try {
				image = new Opener().openImage(file.getAbsolutePath());
			}
			catch (final RuntimeException e) {
				throw new UserInputException("Cannot read image file " + file + ": " + e.getMessage(), e);
			}
		}
		if (image == null) throw new UserInputException("Not a readable image file: " + file);
		if (image.getStackSize() != 1) throw new UserInputException("Expected one 2D slice in " + file + ", found " +
			image.getStackSize());
		if (image.getBitDepth() == 24) throw new UserInputException("Expected a grayscale slice, but " + file +
			" is RGB colour");
		return image;
	}
}
