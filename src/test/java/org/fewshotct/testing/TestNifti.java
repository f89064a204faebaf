package org.fewshotct.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small NIfTI files for tests, independently of the suite's reader: a volume given in display
 * orientation (x towards the patient's left, y posterior, slices inferior to superior) stored in any axis
 * order, with an sform, a qform or neither, in any byte order and voxel type, NIfTI-1 or NIfTI-2, gzipped
 * or not.
 */
public final class TestNifti {

	/** Display-orientation voxel values, as stored numbers (before scl_slope/scl_inter). */
	@FunctionalInterface
	public interface Voxels {
		double at(int x, int y, int z);
	}

	private final int[] displaySize;
	private Voxels voxels;
	private String storage = "LPS";
	private double[] spacing = { 0.75, 0.8, 2.5 };
	private double[] origin = { -120.5, 64.25, -30 };
	private String transform = "sform";
	private int datatype = 4;
	private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
	private double slope = 1;
	private double inter = 0;
	private int version = 1;
	private boolean gzip = true;

	private TestNifti(final int width, final int height, final int slices, final Voxels voxels) {
		this.displaySize = new int[] { width, height, slices };
		this.voxels = voxels;
	}

	/** A volume of width x height x slices in display orientation. */
	public static TestNifti volume(final int width, final int height, final int slices, final Voxels voxels) {
		return new TestNifti(width, height, slices, voxels);
	}

	/**
	 * The directions of the stored axes i, j, k as nibabel's axis codes: "RAS" stores i towards the patient's
	 * right, j anterior, k superior; "PSR" stores a sagittal volume.
	 */
	public TestNifti storage(final String codes) {
		storage = codes;
		return this;
	}

	/** Voxel size along display x, y and z, in mm. */
	public TestNifti spacing(final double x, final double y, final double z) {
		spacing = new double[] { x, y, z };
		return this;
	}

	/**
	 * "sform", "qform", "none" (pixdim only), or "both": the sform and a qform that disagrees with it (the
	 * identity rotation), which readers must ignore, as the sform comes first.
	 */
	public TestNifti transform(final String which) {
		transform = which;
		return this;
	}

	/** The NIfTI datatype code: 2 uint8, 4 int16, 8 int32, 16 float32, 64 float64, 512 uint16. */
	public TestNifti datatype(final int code) {
		datatype = code;
		return this;
	}

	/** Other stored values for the same volume. */
	public TestNifti voxels(final Voxels stored) {
		voxels = stored;
		return this;
	}

	public TestNifti bigEndian() {
		order = ByteOrder.BIG_ENDIAN;
		return this;
	}

	public TestNifti scaling(final double sclSlope, final double sclInter) {
		slope = sclSlope;
		inter = sclInter;
		return this;
	}

	public TestNifti nifti2() {
		version = 2;
		return this;
	}

	public TestNifti uncompressed() {
		gzip = false;
		return this;
	}

	/** The 4x4 voxel-to-RAS affine this file gets, rows x, y, z (and 0 0 0 1). */
	public double[][] affine() {
		final double[][] affine = new double[4][4];
		affine[3][3] = 1;
		for (int v = 0; v < 3; v++) {
			final int a = displayAxis(v);
			final int sign = towardsDisplay(v) ? 1 : -1;
			// Display axes are LPS; the RAS world negates x and y.
			affine[a][v] = (a < 2 ? -sign : sign) * spacing[a];
		}
		for (int r = 0; r < 3; r++)
			affine[r][3] = origin[r];
		return affine;
	}

	public File write(final File file) throws IOException {
		final int[] n = new int[3];
		for (int v = 0; v < 3; v++)
			n[v] = displaySize[displayAxis(v)];
		final int bytes = bytesPer(datatype);
		final ByteBuffer data = ByteBuffer.allocate(n[0] * n[1] * n[2] * bytes).order(order);
		final int[] index = new int[3];
		final int[] display = new int[3];
		for (index[2] = 0; index[2] < n[2]; index[2]++)
			for (index[1] = 0; index[1] < n[1]; index[1]++)
				for (index[0] = 0; index[0] < n[0]; index[0]++) {
					for (int v = 0; v < 3; v++)
						display[displayAxis(v)] = towardsDisplay(v) ? index[v] : n[v] - 1 - index[v];
					put(data, voxels.at(display[0], display[1], display[2]));
				}
		final byte[] header = version == 1 ? header1(n) : header2(n);
		try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file.toPath())) : Files
			.newOutputStream(file.toPath()))
		{
			out.write(header);
			out.write(data.array());
		}
		return file;
	}

	private int displayAxis(final int v) {
		final char c = storage.charAt(v);
		final int a = "LPS".indexOf(c);
		return a >= 0 ? a : "RAI".indexOf(c);
	}

	private boolean towardsDisplay(final int v) {
		return "LPS".indexOf(storage.charAt(v)) >= 0;
	}

	private void put(final ByteBuffer data, final double value) {
		switch (datatype) {
			case 2:
				data.put((byte) value);
				break;
			case 4:
			case 512:
				data.putShort((short) value);
				break;
			case 8:
				data.putInt((int) value);
				break;
			case 16:
				data.putFloat((float) value);
				break;
			case 64:
				data.putDouble(value);
				break;
			default:
				throw new IllegalArgumentException("datatype " + datatype);
		}
	}

	private static int bytesPer(final int datatype) {
		return datatype == 2 ? 1 : datatype == 4 || datatype == 512 ? 2 : datatype == 64 ? 8 : 4;
	}

	private int qformCode() {
		return transform.equals("qform") || transform.equals("both") ? 1 : 0;
	}

	private int sformCode() {
		return transform.equals("sform") || transform.equals("both") ? 2 : 0;
	}

	/** The qform written: the affine's, or the identity rotation for "both". */
	private double[] writtenQuaternion() {
		return transform.equals("both") ? new double[] { 0, 0, 0, 1 } : quaternion();
	}

	private double[] storedSpacing() {
		final double[] s = new double[3];
		for (int v = 0; v < 3; v++)
			s[v] = spacing[displayAxis(v)];
		return s;
	}

	private byte[] header1(final int[] n) {
		final ByteBuffer b = ByteBuffer.allocate(352).order(order);
		b.putInt(0, 348);
		b.putShort(40, (short) 3);
		for (int v = 0; v < 3; v++)
			b.putShort(42 + 2 * v, (short) n[v]);
		b.putShort(48, (short) 1);
		b.putShort(70, (short) datatype);
		b.putShort(72, (short) (8 * bytesPer(datatype)));
		final double[] q = writtenQuaternion();
		b.putFloat(76, (float) q[3]);
		final double[] s = storedSpacing();
		for (int v = 0; v < 3; v++)
			b.putFloat(80 + 4 * v, (float) s[v]);
		b.putFloat(108, 352);
		b.putFloat(112, (float) slope);
		b.putFloat(116, (float) inter);
		b.put(123, (byte) 2);
		b.putShort(252, (short) qformCode());
		b.putShort(254, (short) sformCode());
		for (int i = 0; i < 3; i++) {
			b.putFloat(256 + 4 * i, (float) q[i]);
			b.putFloat(268 + 4 * i, (float) origin[i]);
		}
		final double[][] sform = affine();
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++)
				b.putFloat(280 + 16 * r + 4 * c, (float) sform[r][c]);
		b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
		return b.array();
	}

	private byte[] header2(final int[] n) {
		final ByteBuffer b = ByteBuffer.allocate(544).order(order);
		b.putInt(0, 540);
		b.put(4, (byte) 'n').put(5, (byte) '+').put(6, (byte) '2').put(8, (byte) '\r').put(9, (byte) '\n').put(10,
			(byte) 032).put(11, (byte) '\n');
		b.putShort(12, (short) datatype);
		b.putShort(14, (short) (8 * bytesPer(datatype)));
		b.putLong(16, 3);
		for (int v = 0; v < 3; v++)
			b.putLong(24 + 8 * v, n[v]);
		b.putLong(48, 1);
		final double[] q = writtenQuaternion();
		b.putDouble(104, q[3]);
		final double[] s = storedSpacing();
		for (int v = 0; v < 3; v++)
			b.putDouble(112 + 8 * v, s[v]);
		b.putLong(168, 544);
		b.putDouble(176, slope);
		b.putDouble(184, inter);
		b.putInt(344, qformCode());
		b.putInt(348, sformCode());
		for (int i = 0; i < 3; i++) {
			b.putDouble(352 + 8 * i, q[i]);
			b.putDouble(376 + 8 * i, origin[i]);
		}
		final double[][] sform = affine();
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++)
				b.putDouble(400 + 32 * r + 8 * c, sform[r][c]);
		b.putInt(500, 2);
		return b.array();
	}

	/**
	 * The qform of the affine's rotation: quatern_b, c, d and qfac. A reflection (determinant -1) is carried
	 * by qfac = -1, which flips k, as the NIfTI standard defines it.
	 */
	private double[] quaternion() {
		final double[][] affine = affine();
		final double[][] r = new double[3][3];
		final double[] s = storedSpacing();
		for (int row = 0; row < 3; row++)
			for (int v = 0; v < 3; v++)
				r[row][v] = affine[row][v] / s[v];
		final double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] *
			r[2][0]) + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
		final double qfac = det < 0 ? -1 : 1;
		for (int row = 0; row < 3; row++)
			r[row][2] *= qfac;
		double a = r[0][0] + r[1][1] + r[2][2] + 1, b, c, d;
		if (a > 0.5) {
			a = 0.5 * Math.sqrt(a);
			b = 0.25 * (r[2][1] - r[1][2]) / a;
			c = 0.25 * (r[0][2] - r[2][0]) / a;
			d = 0.25 * (r[1][0] - r[0][1]) / a;
		}
		else {
			final double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
			final double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
			final double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
			if (xd > 1) {
				b = 0.5 * Math.sqrt(xd);
				c = 0.25 * (r[0][1] + r[1][0]) / b;
				d = 0.25 * (r[0][2] + r[2][0]) / b;
				a = 0.25 * (r[2][1] - r[1][2]) / b;
			}
			else if (yd > 1) {
				c = 0.5 * Math.sqrt(yd);
				b = 0.25 * (r[0][1] + r[1][0]) / c;
				d = 0.25 * (r[1][2] + r[2][1]) / c;
				a = 0.25 * (r[0][2] - r[2][0]) / c;
			}
			else {
				d = 0.5 * Math.sqrt(zd);
				b = 0.25 * (r[0][2] + r[2][0]) / d;
				c = 0.25 * (r[1][2] + r[2][1]) / d;
				a = 0.25 * (r[1][0] - r[0][1]) / d;
			}
			if (a < 0) {
				b = -b;
				c = -c;
				d = -d;
			}
		}
		return new double[] { b, c, d, qfac };
	}
}
