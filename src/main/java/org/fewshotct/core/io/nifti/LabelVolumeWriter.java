package org.fewshotct.core.io.nifti;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.fewshotct.core.Progress;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.AtomicOutput;

/**
 * Writes a label stack shown in display orientation back as a NIfTI-1 volume on the grid of the CT volume it
 * was made from: the reference's dimensions, voxel sizes, qform and sform, its storage order restored, so 3D
 * Slicer, ITK-SNAP and nibabel lay the labels over the CT. uint8 when the labels fit, else uint16.
 */
final class LabelVolumeWriter {

	/** NIFTI_INTENT_LABEL: the values are labels, not intensities. */
	private static final short INTENT_LABEL = 1002;
	private static final int VOX_OFFSET = NiftiHeader.NIFTI1_SIZE + 4;

	private LabelVolumeWriter() {}

	static void write(final ImagePlus labels, final File file, final File reference, final Progress progress)
		throws IOException
	{
		Stacks.requireLabels(labels, "labels");
		final boolean gzip = requireNiftiName(file);
		VoxelStream.requireFile(reference);
		if (file.getCanonicalFile().equals(reference.getCanonicalFile())) throw new UserInputException(
			"Refusing to write " + file + ": it is the reference volume");
		final NiftiHeader header = VoxelStream.header(reference);
		final DisplayOrientation orientation = new DisplayOrientation(header);
		if (labels.getWidth() != orientation.width() || labels.getHeight() != orientation.height() || labels
			.getStackSize() != orientation.slices())
			throw new UserInputException("The labels '" + labels.getTitle() + "' are " + labels.getWidth() + "x" + labels
				.getHeight() + "x" + labels.getStackSize() + " but the reference " + reference + " opens as " + orientation
					.width() + "x" + orientation.height() + "x" + orientation.slices());
		for (int axis = 0; axis < 3; axis++)
			if (header.size(axis) > Short.MAX_VALUE) throw new UserInputException("The reference " + reference +
				" has " + header.size(axis) + " voxels along an axis, more than a NIfTI-1 file holds");
		final int max = maxLabel(labels.getStack());
		final DataType type = max <= 255 ? DataType.UINT8 : DataType.UINT16;
		AtomicOutput.write(file, path -> writeFile(path, gzip, labels.getStack(), header, orientation, type, max,
			progress));
	}

	/** True for .nii.gz, false for .nii; refuses other names, which 3D tools would not recognise. */
	private static boolean requireNiftiName(final File file) {
		if (file == null) throw new UserInputException("No output file given");
		final String name = file.getName().toLowerCase(Locale.ROOT);
		if (name.endsWith(".nii.gz")) return true;
		if (name.endsWith(".nii")) return false;
		throw new UserInputException("A label volume is written as .nii.gz (or .nii), not " + file);
	}

	private static int maxLabel(final ImageStack stack) {
		int max = 0;
		for (int s = 1; s <= stack.getSize(); s++)
			for (final int v : Stacks.labelValues(stack.getProcessor(s)))
				max = Math.max(max, v);
		return max;
	}

	private static void writeFile(final Path path, final boolean gzip, final ImageStack stack,
		final NiftiHeader reference, final DisplayOrientation orientation, final DataType type, final int max,
		final Progress progress) throws IOException
	{
		try (OutputStream out = open(path, gzip)) {
			out.write(header(reference, type, max));
			final int nx = reference.size(0), ny = reference.size(1), nz = reference.size(2);
			final DisplayOrientation.VoxelMap map = orientation.map();
			final Object[] slices = stack.getImageArray();
			final ByteBuffer row = ByteBuffer.allocate(nx * type.bytes).order(ByteOrder.LITTLE_ENDIAN);
			for (int k = 0; k < nz; k++) {
				progress.checkCancelled();
				for (int j = 0; j < ny; j++) {
					int slice = map.sliceBase + j * map.sliceStep[1] + k * map.sliceStep[2];
					int pixel = map.pixelBase + j * map.pixelStep[1] + k * map.pixelStep[2];
					row.clear();
					for (int i = 0; i < nx; i++) {
						final int value = label(slices[slice], pixel);
						if (type == DataType.UINT8) row.put((byte) value);
						else row.putShort((short) value);
						slice += map.sliceStep[0];
						pixel += map.pixelStep[0];
					}
					out.write(row.array());
				}
				progress.report(k + 1, nz);
			}
		}
	}

	private static int label(final Object pixels, final int pixel) {
		return pixels instanceof byte[] ? ((byte[]) pixels)[pixel] & 0xff : ((short[]) pixels)[pixel] & 0xffff;
	}

	private static OutputStream open(final Path path, final boolean gzip) throws IOException {
		final OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
		if (!gzip) return file;
		// Label volumes are mostly runs of 0: the fastest level compresses them nearly as well, several times sooner.
		return new GZIPOutputStream(file, 1 << 16) {
			{
				def.setLevel(Deflater.BEST_SPEED);
			}
		};
	}

	/** A little-endian NIfTI-1 header with the reference's grid and geometry, and an empty extension flag. */
	static byte[] header(final NiftiHeader reference, final DataType type, final int max) {
		final ByteBuffer b = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0, NiftiHeader.NIFTI1_SIZE);
		b.put(38, (byte) 'r');
		b.putShort(40, (short) 3);
		for (int axis = 0; axis < 3; axis++)
			b.putShort(42 + 2 * axis, (short) reference.size(axis));
		for (int d = 4; d < 8; d++)
			b.putShort(40 + 2 * d, (short) 1);
		b.putShort(68, INTENT_LABEL);
		b.putShort(70, (short) type.code);
		b.putShort(72, (short) (8 * type.bytes));
		b.putFloat(76, reference.pixdim[0] < 0 ? -1 : 1);
		for (int d = 1; d <= 3; d++)
			b.putFloat(76 + 4 * d, (float) reference.pixdim[d]);
		b.putFloat(108, VOX_OFFSET);
		b.putFloat(112, 1);
		b.put(123, (byte) (reference.xyztUnits & 0xff));
		b.putFloat(124, max);
		final byte[] description = "Few-Shot CT instance labels".getBytes(StandardCharsets.US_ASCII);
		for (int c = 0; c < description.length; c++)
			b.put(148 + c, description[c]);
		b.putShort(252, (short) reference.qformCode);
		b.putShort(254, (short) reference.sformCode);
		for (int q = 0; q < 6; q++)
			b.putFloat(256 + 4 * q, (float) reference.quatern[q]);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++)
				b.putFloat(280 + 16 * r + 4 * c, (float) reference.srow[r][c]);
		b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
		return b.array();
	}
}
