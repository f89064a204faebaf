package org.fewshotct.spark;

import java.io.Serializable;

/** What a segmented block tells the driver: its slices' names and its seconds, or why its scan failed. */
final class BlockResult implements Serializable {

	private static final long serialVersionUID = 1L;

	final ScanBlock block;
	/** The scan's slice count; 0 if it could not be read. */
	final int slices;
	final int from;
	/** The slice labels of the block's slices (null where a slice has none), for the CSV header. */
	final String[] sliceNames;
	/** The label PNG file of each of the block's slices. */
	final String[] files;
	final double seconds;
	/** Why the scan failed (unreadable, refused, or this block failing in its last attempt); null if it did not. */
	final String error;

	private BlockResult(final ScanBlock block, final int slices, final int from, final String[] sliceNames,
		final String[] files, final double seconds, final String error)
	{
		this.block = block;
		this.slices = slices;
		this.from = from;
		this.sliceNames = sliceNames;
		this.files = files;
		this.seconds = seconds;
		this.error = error;
	}

	static BlockResult done(final ScanBlock block, final int slices, final int from, final String[] sliceNames,
		final String[] files, final double seconds)
	{
		return new BlockResult(block, slices, from, sliceNames, files, seconds, null);
	}

	static BlockResult failed(final ScanBlock block, final String error, final double seconds) {
		return new BlockResult(block, 0, 0, new String[0], new String[0], seconds, error);
	}
}
