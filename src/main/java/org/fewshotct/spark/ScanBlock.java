package org.fewshotct.spark;

import java.io.File;
import java.io.Serializable;

import org.fewshotct.core.unet.UNetSegmenter;

/**
 * One Spark task's share of a scan: block {@code index} of {@code count} equal runs of its slices. Blocks are
 * planned without reading the scan; each task learns the slice count when it reads the scan.
 */
public final class ScanBlock implements Serializable {

	private static final long serialVersionUID = 1L;

	/**
	 * Blocks start and end on even slices, so the U-Net's batches of two slices (one 512x512 tile each) hold
	 * the same slices as in the single-machine command, whatever the block.
	 */
	static final int ALIGNMENT = UNetSegmenter.DEFAULT_BATCH;

	final File scan;
	final String name;
	final int index;
	final int count;

	ScanBlock(final File scan, final int index, final int count) {
		this.scan = scan;
		this.name = Scans.name(scan);
		this.index = index;
		this.count = count;
	}

	/** The first slice of this block in a scan of {@code slices} slices, 0-based. */
	int from(final int slices) {
		return start(index, slices);
	}

	/** One past the last slice of this block. */
	int to(final int slices) {
		return start(index + 1, slices);
	}

	private int start(final int block, final int slices) {
		final long pairs = (slices + ALIGNMENT - 1) / ALIGNMENT;
		return (int) Math.min(slices, pairs * block / count * ALIGNMENT);
	}

	@Override
	public String toString() {
		return name + " block " + (index + 1) + "/" + count;
	}
}
