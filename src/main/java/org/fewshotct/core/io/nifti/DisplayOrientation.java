package org.fewshotct.core.io.nifti;

import java.util.Locale;

import org.fewshotct.core.UserInputException;

/**
 * How a NIfTI volume's stored voxel axes map onto the slices DICOM viewers and the challenge show: image x
 * towards the patient's left (their right on the image's left), image y towards posterior (anterior at the
 * top), slices from inferior to superior, i.e. DICOM's LPS directions. Each stored axis goes to the display
 * axis nearest to it in the world (an oblique volume is shown in the nearest orthogonal orientation, not
 * resampled), reversed where it points the other way.
 */
final class DisplayOrientation {

	/** Beyond this angle between a stored axis and its display axis the volume is called oblique. */
	static final double OBLIQUE_DEGREES = 0.5;

	/** The stored axis (0 = i, 1 = j, 2 = k) shown along display axis a (0 = x, 1 = y, 2 = slices). */
	private final int[] storedAxis = new int[3];
	/** +1 where display axis a runs along its stored axis, -1 where against it. */
	private final int[] sign = new int[3];
	/** Display width, height and slice count. */
	private final int[] size = new int[3];
	/** Voxel size along each display axis, in mm. */
	private final double[] spacing = new double[3];
	private final double obliqueDegrees;
	private final String storage;
	private final String source;

	DisplayOrientation(final NiftiHeader header) {
		final double[][] affine = header.affine();
		source = header.affineSource();
		// NIfTI's world is RAS+; DICOM's LPS+ is the same with x and y negated, and the display axes are LPS's.
		final double[][] lps = new double[3][3];
		final double[] length = new double[3];
		for (int v = 0; v < 3; v++) {
			final double[] column = { -affine[0][v], -affine[1][v], affine[2][v] };
			length[v] = Math.sqrt(column[0] * column[0] + column[1] * column[1] + column[2] * column[2]);
			if (!(length[v] > 0) || Double.isInfinite(length[v])) throw new UserInputException(header.file + ": its " +
				source + " gives voxel axis " + "ijk".charAt(v) + " no direction (" + length[v] + ")");
			for (int w = 0; w < 3; w++)
				lps[w][v] = column[w] / length[v];
		}
		final int[] best = nearestPermutation(lps);
		double worstCosine = 1;
		final char[] codes = new char[3];
		for (int a = 0; a < 3; a++) {
			final int v = best[a];
			storedAxis[a] = v;
			sign[a] = lps[a][v] >= 0 ? 1 : -1;
			size[a] = header.size(v);
			spacing[a] = length[v] * header.millimetresPerUnit();
			worstCosine = Math.min(worstCosine, Math.abs(lps[a][v]));
			codes[v] = (sign[a] > 0 ? "LPS" : "RAI").charAt(a);
		}
		obliqueDegrees = Math.toDegrees(Math.acos(Math.min(1, worstCosine)));
		storage = new String(codes);
		if ((long) size[0] * size[1] > Integer.MAX_VALUE - 8) throw new UserInputException(header.file + " has " +
			"slices of " + size[0] + "x" + size[1] + " voxels, more than a Java array holds");
	}

	/**
	 * The assignment of stored axes to display axes with the largest summed |cosine|: best[a] is the stored
	 * axis for display axis a. Six permutations, so all are tried; ties keep the storage order.
	 */
	private static int[] nearestPermutation(final double[][] cosines) {
		final int[][] permutations = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
		int[] best = permutations[0];
		double bestSum = -1;
		for (final int[] p : permutations) {
			final double sum = Math.abs(cosines[0][p[0]]) + Math.abs(cosines[1][p[1]]) + Math.abs(cosines[2][p[2]]);
			if (sum > bestSum + 1e-12) {
				bestSum = sum;
				best = p;
			}
		}
		return best;
	}

	int width() {
		return size[0];
	}

	int height() {
		return size[1];
	}

	int slices() {
		return size[2];
	}

	/** Voxel size along display axis a (0 = x, 1 = y, 2 = between slices), in mm. */
	double spacing(final int a) {
		return spacing[a];
	}

	/** Where stored voxel (i, j, k) lies in the display stack, as two linear maps: slice and pixel index. */
	VoxelMap map() {
		final int[] sliceStep = new int[3];
		final int[] pixelStep = new int[3];
		int sliceBase = 0;
		int pixelBase = 0;
		final int[] stride = { 1, size[0], 0 };
		for (int a = 0; a < 3; a++) {
			final int step = a == 2 ? sign[a] : sign[a] * stride[a];
			final int base = sign[a] > 0 ? 0 : size[a] - 1;
			if (a == 2) {
				sliceStep[storedAxis[a]] = step;
				sliceBase = base;
			}
			else {
				pixelStep[storedAxis[a]] = step;
				pixelBase += base * stride[a];
			}
		}
		return new VoxelMap(sliceBase, sliceStep, pixelBase, pixelStep);
	}

	/** The stored axes' directions as nibabel's axis codes (RAS: i to the right, j anterior, k superior). */
	String storage() {
		return storage;
	}

	/** True when the volume was turned by more than {@link #OBLIQUE_DEGREES} to show it orthogonally. */
	boolean oblique() {
		return obliqueDegrees > OBLIQUE_DEGREES;
	}

	/** A line for the log: how the volume was stored and what was done to show it. */
	String describe() {
		final StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "stored %s (from its %s), shown as " +
			"transverse slices %dx%dx%d of %.4gx%.4gx%.4g mm", storage, source, size[0], size[1], size[2], spacing[0],
			spacing[1], spacing[2]));
		if (source.equals("pixdim")) s.append("; the header gives no orientation (qform and sform codes 0): " +
			"read as the NIfTI standard's method 1, i to the right (nibabel assumes i to the left)");
		if (oblique()) s.append(String.format(Locale.ROOT, "; the volume is oblique by up to %.1f degrees and is " +
			"shown in the nearest orthogonal orientation, not resampled", obliqueDegrees));
		return s.toString();
	}

	/**
	 * Stored voxel (i, j, k) to display slice {@code sliceBase + i*sliceStep[0] + j*sliceStep[1] +
	 * k*sliceStep[2]} (0-based) and pixel {@code pixelBase + ...} within it.
	 */
	static final class VoxelMap {

		final int sliceBase;
		final int[] sliceStep;
		final int pixelBase;
		final int[] pixelStep;

		VoxelMap(final int sliceBase, final int[] sliceStep, final int pixelBase, final int[] pixelStep) {
			this.sliceBase = sliceBase;
			this.sliceStep = sliceStep;
			this.pixelBase = pixelBase;
			this.pixelStep = pixelStep;
		}
	}
}
