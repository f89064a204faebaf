package org.fewshotct.core.io.nifti;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.fewshotct.core.UserInputException;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header that a volume's voxels and geometry need, read from either byte
 * order. Both versions are held in doubles and longs, NIfTI-1's floats and shorts widened exactly.
 */
final class NiftiHeader {

	static final int NIFTI1_SIZE = 348;
	static final int NIFTI2_SIZE = 540;

	final File file;
	final int version;
	final ByteOrder order;
	/** dim[0..7]: dim[0] the number of dimensions, dim[1..3] the voxel grid. */
	final long[] dim = new long[8];
	/** pixdim[0] is qfac, pixdim[1..3] the voxel size. */
	final double[] pixdim = new double[8];
	final DataType dataType;
	final long voxOffset;
	final double sclSlope;
	final double sclInter;
	final int xyztUnits;
	final int qformCode;
	final int sformCode;
	/** quatern_b, c, d then qoffset_x, y, z. */
	final double[] quatern = new double[6];
	/** srow_x, srow_y, srow_z, row by row. */
	final double[][] srow = new double[3][4];

	private NiftiHeader(final File file, final ByteBuffer b, final int version) {
		this.file = file;
		this.version = version;
		this.order = b.order();
		final int datatype;
		if (version == 1) {
			for (int d = 0; d < 8; d++)
				dim[d] = b.getShort(40 + 2 * d);
			datatype = b.getShort(70);
			for (int d = 0; d < 8; d++)
				pixdim[d] = b.getFloat(76 + 4 * d);
			voxOffset = (long) b.getFloat(108);
			sclSlope = b.getFloat(112);
			sclInter = b.getFloat(116);
			xyztUnits = b.get(123) & 0xff;
			qformCode = b.getShort(252);
			sformCode = b.getShort(254);
			for (int q = 0; q < 6; q++)
				quatern[q] = b.getFloat(256 + 4 * q);
			for (int r = 0; r < 3; r++)
				for (int c = 0; c < 4; c++)
					srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
		}
		else {
			datatype = b.getShort(12);
			for (int d = 0; d < 8; d++)
				dim[d] = b.getLong(16 + 8 * d);
			for (int d = 0; d < 8; d++)
				pixdim[d] = b.getDouble(104 + 8 * d);
			voxOffset = b.getLong(168);
			sclSlope = b.getDouble(176);
			sclInter = b.getDouble(184);
			xyztUnits = b.getInt(500);
			qformCode = b.getInt(344);
			sformCode = b.getInt(348);
			for (int q = 0; q < 6; q++)
				quatern[q] = b.getDouble(352 + 8 * q);
			for (int r = 0; r < 3; r++)
				for (int c = 0; c < 4; c++)
					srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
		}
		dataType = DataType.of(datatype, file);
		validate();
	}

	/**
	 * Reads the header from the start of a (decompressed) NIfTI stream, leaving the stream just after it;
	 * refuses anything that is not a single-file NIfTI-1 or NIfTI-2 volume, naming the file.
	 */
	static NiftiHeader read(final InputStream in, final File file) throws IOException {
		final DataInputStream data = new DataInputStream(in);
		final byte[] first = new byte[4];
		try {
			data.readFully(first);
			final ByteBuffer size = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN);
			int version = versionOf(size.getInt(0));
			if (version == 0) {
				size.order(ByteOrder.BIG_ENDIAN);
				version = versionOf(size.getInt(0));
			}
			if (version == 0) throw new UserInputException("Not a NIfTI file: " + file + " (its first 4 bytes give " +
				"no NIfTI header size)");
			final byte[] bytes = new byte[version == 1 ? NIFTI1_SIZE : NIFTI2_SIZE];
			System.arraycopy(first, 0, bytes, 0, 4);
			data.readFully(bytes, 4, bytes.length - 4);
			final ByteBuffer b = ByteBuffer.wrap(bytes).order(size.order());
			requireMagic(bytes, version, file);
			return new NiftiHeader(file, b, version);
		}
		catch (final EOFException e) {
			throw new UserInputException("Not a NIfTI file: " + file + " ends inside its header", e);
		}
	}

	private static int versionOf(final int sizeofHdr) {
		return sizeofHdr == NIFTI1_SIZE ? 1 : sizeofHdr == NIFTI2_SIZE ? 2 : 0;
	}

	private static void requireMagic(final byte[] bytes, final int version, final File file) {
		final String magic = new String(bytes, version == 1 ? 344 : 4, 3, StandardCharsets.ISO_8859_1);
		final String single = version == 1 ? "n+1" : "n+2";
		if (magic.equals(single)) return;
		if (magic.equals(version == 1 ? "ni1" : "ni2")) throw new UserInputException(file + " is the header of a " +
			"two-file NIfTI (.hdr/.img); save the volume as one .nii or .nii.gz file");
		throw new UserInputException("Not a NIfTI file: " + file + " (no NIfTI magic in its header)");
	}

	private void validate() {
		final int dims = (int) dim[0];
		if (dims < 2 || dims > 7) throw new UserInputException(file + " has " + dim[0] + " dimensions; expected a " +
			"3D volume");
		for (int d = 1; d <= 3; d++)
			if (d <= dims && (dim[d] < 1 || dim[d] > Integer.MAX_VALUE)) throw new UserInputException(file +
				" has size " + dim[d] + " along axis " + d);
		for (int d = 4; d <= dims; d++)
			if (dim[d] > 1) throw new UserInputException(file + " is a " + d + "D volume (" + dim[d] + " along axis " +
				d + "); expected one 3D volume");
		if (voxOffset < (version == 1 ? NIFTI1_SIZE : NIFTI2_SIZE)) throw new UserInputException(file +
			" puts its voxels at byte " + voxOffset + ", inside its header");
		if ((long) size(0) * size(1) > Integer.MAX_VALUE - 8) throw new UserInputException(file + " has slices of " +
			size(0) + "x" + size(1) + " voxels, more than a Java array holds");
	}

	/** The number of voxels along axis 0, 1 or 2 (1 for a 2D file's missing third axis). */
	int size(final int axis) {
		return axis + 1 <= dim[0] ? (int) dim[axis + 1] : 1;
	}

	/** scl_slope and scl_inter as NIfTI defines them: a slope of 0 (or not finite) means no scaling. */
	boolean scaled() {
		return sclSlope != 0 && Double.isFinite(sclSlope) && (sclSlope != 1 || inter() != 0);
	}

	double slope() {
		return sclSlope != 0 && Double.isFinite(sclSlope) ? sclSlope : 1;
	}

	double inter() {
		return sclSlope != 0 && Double.isFinite(sclSlope) && Double.isFinite(sclInter) ? sclInter : 0;
	}

	/** Millimetres per unit of the spatial axes (xyzt_units: 1 metre, 2 mm, 3 micron; unknown taken as mm). */
	double millimetresPerUnit() {
		switch (xyztUnits & 7) {
			case 1:
				return 1000;
			case 3:
				return 0.001;
			default:
				return 1;
		}
	}

	/** Which of the header's transforms {@link #affine()} uses: "sform", "qform" or "pixdim". */
	String affineSource() {
		return sformCode > 0 ? "sform" : qformCode > 0 ? "qform" : "pixdim";
	}

	/**
	 * The voxel-to-world transform (rows x, y, z of NIfTI's RAS+ world; columns i, j, k, offset): the sform
	 * when sform_code > 0, else the qform's quaternion when qform_code > 0, else the NIfTI standard's method 1
	 * (x = pixdim[1] i, y = pixdim[2] j, z = pixdim[3] k, as nifti_clib, ITK and 3D Slicer read it).
	 */
	double[][] affine() {
		if (sformCode > 0) return new double[][] { srow[0].clone(), srow[1].clone(), srow[2].clone() };
		final double dx = voxelSize(1), dy = voxelSize(2), dz = voxelSize(3);
		if (qformCode <= 0) return new double[][] { { dx, 0, 0, 0 }, { 0, dy, 0, 0 }, { 0, 0, dz, 0 } };
		double b = quatern[0], c = quatern[1], d = quatern[2];
		double a = 1 - (b * b + c * c + d * d);
		if (a < 1e-7) {
			// A rotation by 180 degrees, rounded off the unit sphere: renormalise (b, c, d).
			final double norm = Math.sqrt(b * b + c * c + d * d);
			b /= norm;
			c /= norm;
			d /= norm;
			a = 0;
		}
		else a = Math.sqrt(a);
		final double qfac = pixdim[0] < 0 ? -1 : 1;
		final double[][] r = { { a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) }, {
			2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) }, { 2 * (b * d - a * c), 2 * (c * d +
				a * b), a * a + d * d - c * c - b * b } };
		final double[][] affine = new double[3][4];
		for (int row = 0; row < 3; row++) {
			affine[row][0] = r[row][0] * dx;
			affine[row][1] = r[row][1] * dy;
			affine[row][2] = r[row][2] * dz * qfac;
			affine[row][3] = quatern[3 + row];
		}
		return affine;
	}

	/** pixdim[d] as a size: its magnitude, 1 where it is 0 or not a number (as nifti_clib takes it). */
	private double voxelSize(final int d) {
		final double size = Math.abs(pixdim[d]);
		return size > 0 && Double.isFinite(size) ? size : 1;
	}
}
