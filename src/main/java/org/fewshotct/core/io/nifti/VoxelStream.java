package org.fewshotct.core.io.nifti;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.fewshotct.core.Progress;
import org.fewshotct.core.UserInputException;

/**
 * A NIfTI file read once from start to end: its header, then its voxels row by row in storage order (i
 * fastest, then j, then k). Gzip is recognised by content, whatever the file is called.
 */
final class VoxelStream implements Closeable {

	/** Receives each voxel's value as stored (before scl_slope/scl_inter) at its place in the display stack. */
	@FunctionalInterface
	interface VoxelSink {
		/** {@code slice} is 0-based; {@code pixel} is y * width + x within it. */
		void put(int slice, int pixel, double value);
	}

	private final DataInputStream in;
	final NiftiHeader header;

	private VoxelStream(final DataInputStream in, final NiftiHeader header) {
		this.in = in;
		this.header = header;
	}

	/** Opens a .nii or .nii.gz file and reads its header; refuses a missing or foreign file, naming it. */
	static VoxelStream open(final File file) throws IOException {
		requireFile(file);
		final BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file.toPath()), 1 << 16);
		try {
			buffered.mark(2);
			final boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
			buffered.reset();
			final InputStream raw = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
				: buffered;
			final NiftiHeader header = NiftiHeader.read(raw, file);
			final DataInputStream in = new DataInputStream(raw);
			skip(in, header.voxOffset - (header.version == 1 ? NiftiHeader.NIFTI1_SIZE : NiftiHeader.NIFTI2_SIZE), file);
			return new VoxelStream(in, header);
		}
		catch (final IOException | RuntimeException e) {
			buffered.close();
			if (e instanceof ZipException) throw new UserInputException("Cannot read " + file +
				": damaged gzip data (" + e.getMessage() + ")", e);
			throw e;
		}
	}

	/** Reads only the header of a NIfTI file. */
	static NiftiHeader header(final File file) throws IOException {
		try (VoxelStream stream = open(file)) {
			return stream.header;
		}
	}

	static void requireFile(final File file) {
		if (file == null) throw new UserInputException("No NIfTI file given");
		if (file.isDirectory()) throw new UserInputException(file + " is a folder, not a NIfTI file (.nii or .nii.gz)");
		if (!file.isFile()) throw new UserInputException("No such NIfTI file: " + file);
		if (!file.canRead()) throw new UserInputException("Cannot read " + file + ": permission denied");
	}

	/**
	 * Reads every voxel once, in storage order, handing each to the sink at its display place; reports and
	 * checks for cancel once per stored k plane.
	 */
	void readInto(final DisplayOrientation.VoxelMap map, final VoxelSink sink, final Progress progress)
		throws IOException
	{
		final int nx = header.size(0), ny = header.size(1), nz = header.size(2);
		final DataType type = header.dataType;
		final byte[] bytes = new byte[nx * type.bytes];
		final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(header.order);
		for (int k = 0; k < nz; k++) {
			progress.checkCancelled();
			for (int j = 0; j < ny; j++) {
				readRow(bytes, (long) k * ny + j, (long) ny * nz);
				int slice = map.sliceBase + j * map.sliceStep[1] + k * map.sliceStep[2];
				int pixel = map.pixelBase + j * map.pixelStep[1] + k * map.pixelStep[2];
				for (int i = 0, offset = 0; i < nx; i++, offset += type.bytes) {
					sink.put(slice, pixel, type.read(buffer, offset));
					slice += map.sliceStep[0];
					pixel += map.pixelStep[0];
				}
			}
			progress.report(k + 1, nz);
		}
	}

	private void readRow(final byte[] bytes, final long row, final long rows) throws IOException {
		try {
			in.readFully(bytes);
		}
		catch (final EOFException e) {
			throw new UserInputException(header.file + " ends after " + row + " of " + rows + " rows of voxels: the " +
				"file is truncated", e);
		}
		catch (final ZipException e) {
			throw new UserInputException("Cannot read " + header.file + ": damaged gzip data (" + e.getMessage() + ")",
				e);
		}
	}

	private static void skip(final DataInputStream in, final long bytes, final File file) throws IOException {
		long left = bytes;
		while (left > 0) {
			final long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) throw new UserInputException(file + " ends before its voxels begin");
				left--;
			}
			else left -= skipped;
		}
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
