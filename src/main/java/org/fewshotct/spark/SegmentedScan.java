package org.fewshotct.spark;

import java.io.Serializable;
import java.util.List;

/** A scan whose blocks are all segmented: its slices' names and label files in order, and its seconds so far. */
final class SegmentedScan implements Serializable {

	private static final long serialVersionUID = 1L;

	final String name;
	final String[] sliceNames;
	final String[] files;
	final double seconds;

	private SegmentedScan(final String name, final String[] sliceNames, final String[] files, final double seconds) {
		this.name = name;
		this.sliceNames = sliceNames;
		this.files = files;
		this.seconds = seconds;
	}

	/** The scan from all of its blocks' results, none of them failed. */
	static SegmentedScan of(final List<BlockResult> blocks) {
		final int slices = blocks.get(0).slices;
		final String[] sliceNames = new String[slices];
		final String[] files = new String[slices];
		double seconds = 0;
		for (final BlockResult block : blocks) {
			System.arraycopy(block.sliceNames, 0, sliceNames, block.from, block.sliceNames.length);
			System.arraycopy(block.files, 0, files, block.from, block.files.length);
			seconds += block.seconds;
		}
		return new SegmentedScan(blocks.get(0).block.name, sliceNames, files, seconds);
	}
}
