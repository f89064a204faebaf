package org.fewshotct.core.io.nifti;

import ij.ImagePlus;
import ij.measure.Calibration;

import java.io.File;
import java.io.IOException;

import org.fewshotct.core.Progress;

/**
 * Reads a NIfTI CT volume as a stack of transverse slices in display orientation with Hounsfield units in
 * its calibration, as ImageJ's DICOM reader does: integer voxels that fit 16 bits are kept as they are in a
 * 16-bit stack (signed types shifted by 32768) with the straight line of scl_slope/scl_inter as calibration
 * function; floating-point voxels, integers beyond 16 bits and negative slopes give a 32-bit stack in HU.
 */
final class CtVolumeReader {

	/** Signed voxels are stored shifted by this, as ImageJ stores signed 16-bit DICOM. */
	static final int SIGNED_OFFSET = 32768;

	private CtVolumeReader() {}

	static ImagePlus read(final File file, final Progress progress) throws IOException {
		final ImagePlus shorts = readShorts(file, progress);
		return shorts != null ? shorts : readFloats(file, progress);
	}

	/** The 16-bit stack, or null when the voxels are not integers that fit 16 bits with a positive slope. */
	private static ImagePlus readShorts(final File file, final Progress progress) throws IOException {
		try (VoxelStream stream = VoxelStream.open(file)) {
			final NiftiHeader header = stream.header;
			// A decreasing line would be a calibration HU cannot be read through; such rare files go to 32-bit.
			if (!header.dataType.integer || !(header.slope() > 0)) return null;
			final int offset = header.dataType == DataType.UINT8 || header.dataType == DataType.UINT16 ? 0
				: SIGNED_OFFSET;
			final DisplayOrientation orientation = new DisplayOrientation(header);
			final short[][] slices = new short[orientation.slices()][orientation.width() * orientation.height()];
			final boolean[] fits = { true };
			stream.readInto(orientation.map(), (slice, pixel, value) -> {
				final double stored = value + offset;
				if (stored < 0 || stored > 65535) fits[0] = false;
				slices[slice][pixel] = (short) stored;
			}, progress);
			if (!fits[0]) return null;
			final ImagePlus image = NiftiVolumes.image(file, orientation, slices);
			image.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] { header.inter() - offset *
				header.slope(), header.slope() }, "HU");
			return image;
		}
	}

	private static ImagePlus readFloats(final File file, final Progress progress) throws IOException {
		try (VoxelStream stream = VoxelStream.open(file)) {
			final NiftiHeader header = stream.header;
			final double slope = header.slope();
			final double inter = header.inter();
			final DisplayOrientation orientation = new DisplayOrientation(header);
			final float[][] slices = new float[orientation.slices()][orientation.width() * orientation.height()];
			stream.readInto(orientation.map(), (slice, pixel, value) -> slices[slice][pixel] = (float) (slope * value +
				inter), progress);
			final ImagePlus image = NiftiVolumes.image(file, orientation, slices);
			image.getCalibration().setValueUnit("HU");
			return image;
		}
	}
}
