package org.fewshotct.core.io.nifti;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.fewshotct.core.Progress;
import org.fewshotct.core.io.SourceFiles;

/**
 * NIfTI-1 and NIfTI-2 volumes (.nii, .nii.gz) in and out. Volumes open as stacks of transverse slices in the
 * orientation of DICOM viewers and the challenge's slices, whatever their storage order: anterior at the
 * top, the patient's right on the image's left, slices from inferior to superior. Slices are named
 * {@code <volume>-z0001} upwards; the stack's title is the volume's name.
 */
public final class NiftiVolumes {

	/** Image property holding a line on how the volume was stored and turned for display. */
	public static final String ORIENTATION = "FewShotCT.niftiOrientation";

	private NiftiVolumes() {}

	/**
	 * A CT volume with Hounsfield units in the stack's calibration: integer voxels as a 16-bit stack with the
	 * scl_slope/scl_inter line as calibration function (signed types stored + 32768, as ImageJ stores signed
	 * DICOM), floating-point voxels as a 32-bit stack in HU. Pixel width, height and depth in mm.
	 */
	public static ImagePlus openCt(final File file, final Progress progress) throws IOException {
		return CtVolumeReader.read(file, progress);
	}

	/**
	 * A segmentation volume (class numbers, 0 = background) as a 16-bit stack of challenge-style instance
	 * labels: each 8-connected component of each class in a slice is one instance, numbered 1..n in raster
	 * order; components of fewer than {@code minSize} pixels become 0.
	 */
	public static ImagePlus openLabels(final File file, final int minSize, final Progress progress)
		throws IOException
	{
		return LabelVolumeReader.read(file, minSize, progress);
	}

	/**
	 * Writes a label stack in display orientation as a NIfTI-1 volume (.nii.gz, or .nii) on the grid of
	 * {@code reference}, the CT volume it was segmented from; refuses a stack of another size, naming both,
	 * and never writes over the reference. Written to a temporary file and moved into place.
	 */
	public static void writeLabels(final ImagePlus labels, final File file, final File reference,
		final Progress progress) throws IOException
	{
		LabelVolumeWriter.write(labels, file, reference, progress);
	}

	/** The file's name without .nii.gz or .nii. */
	static String volumeName(final File file) {
		return file.getName().replaceFirst("(?i)(\\.nii)?(\\.gz)?$", "");
	}

	/** A slice's name, e.g. {@code ct-z0001} for the lowest slice. */
	static String sliceName(final String volume, final int slice) {
		return String.format(Locale.ROOT, "%s-z%04d", volume, slice + 1);
	}

	/** The stack of the given slice arrays, named, with voxel sizes, source and orientation recorded. */
	static ImagePlus image(final File file, final DisplayOrientation orientation, final Object[] slices) {
		final String name = volumeName(file);
		final ImageStack stack = new ImageStack(orientation.width(), orientation.height());
		for (int s = 0; s < slices.length; s++)
			stack.addSlice(sliceName(name, s), slices[s]);
		final ImagePlus image = new ImagePlus(name, stack);
		final Calibration calibration = image.getCalibration();
		calibration.pixelWidth = orientation.spacing(0);
		calibration.pixelHeight = orientation.spacing(1);
		calibration.pixelDepth = orientation.spacing(2);
		calibration.setUnit("mm");
		image.setProp(ORIENTATION, orientation.describe());
		SourceFiles.remember(image, file);
		return image;
	}
}
