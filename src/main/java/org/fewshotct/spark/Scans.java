package org.fewshotct.spark;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.NaturalOrder;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.io.nifti.NiftiVolumes;

/**
 * What the job takes for a scan, and how it reads one: the one place that tells scan kinds apart. A scan is
 * an entry of the input folder: a folder of PNG/TIFF slices or a DICOM series (read as Open CT Slices reads
 * it), or a NIfTI file (read as Open CT Volume reads it), with the same HU handling as those commands.
 */
public final class Scans {

	private static final String[] NIFTI = { ".nii.gz", ".nii" };

	private Scans() {}

	/** The scans of the input folder in natural name order; other files (a README, a CSV) are not scans. */
	public static List<File> list(final File input) {
		if (!input.isDirectory()) throw new UserInputException("Not a folder: " + input);
		final File[] entries = input.listFiles(Scans::isScan);
		if (entries == null) throw new UserInputException("Cannot list the folder " + input);
		Arrays.sort(entries, (a, b) -> NaturalOrder.compare(a.getName(), b.getName()));
		return new ArrayList<>(Arrays.asList(entries));
	}

	static boolean isScan(final File entry) {
		if (entry.getName().startsWith(".")) return false;
		return entry.isDirectory() || entry.isFile() && niftiSuffix(entry.getName()) != null;
	}

	/** The scan's name in the outputs: the folder's name, or the NIfTI file's without its extension. */
	public static String name(final File scan) {
		final String suffix = niftiSuffix(scan.getName());
		final String name = scan.getName();
		return suffix == null ? name : name.substring(0, name.length() - suffix.length());
	}

	/**
	 * The scan as one CT stack, as the single-machine commands read it; an unreadable scan is a
	 * {@link UserInputException} naming it.
	 */
	public static ImagePlus read(final File scan, final int threads) {
		if (niftiSuffix(scan.getName()) == null) return SliceFolderReader.read(scan, threads, Progress.NONE);
		try {
			return NiftiVolumes.openCt(scan, Progress.NONE);
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot read " + scan + ": " + e.getMessage(), e);
		}
	}

	private static String niftiSuffix(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		for (final String suffix : NIFTI)
			if (lower.endsWith(suffix) && lower.length() > suffix.length()) return name.substring(name.length() - suffix
				.length());
		return null;
	}
}
