package org.fewshotct.core.label;

/** Which pixels of a 2D grid count as neighbours. */
public enum Connectivity {

	/** Edge neighbours only: up, left, right, down. */
	FOUR(new int[] { 0, -1, -1, 0, 1, 0, 0, 1 }),

	/** Edge and corner neighbours. */
	EIGHT(new int[] { 0, -1, -1, 0, 1, 0, 0, 1, -1, -1, 1, -1, -1, 1, 1, 1 });

	/**
	 * Neighbour offsets as (dx, dy) pairs, edge neighbours first in the order up, left, right, down, then the
	 * corners up-left, up-right, down-left, down-right: the order of raveled offsets scikit-image visits them
	 * in (row-major, sorted by distance), which decides ties in a flood.
	 */
	private final int[] offsets;

	Connectivity(final int[] offsets) {
		this.offsets = offsets;
	}

	/** The number of neighbours of an inner pixel. */
	public int count() {
		return offsets.length / 2;
	}

	/** The x offset of neighbour k. */
	public int dx(final int k) {
		return offsets[2 * k];
	}

	/** The y offset of neighbour k. */
	public int dy(final int k) {
		return offsets[2 * k + 1];
	}
}
