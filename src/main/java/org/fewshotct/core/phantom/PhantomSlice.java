package org.fewshotct.core.phantom;

/** One phantom slice: the CT (HU + 1024) and its instance labels (0 = unannotated), row by row. */
public final class PhantomSlice {

	private final String name;
	private final int size;
	private final short[] ct;
	private final short[] labels;
	private final int[] owners;
	private final Kind[] kinds;

	PhantomSlice(final String name, final int size, final short[] ct, final short[] labels, final int[] owners,
		final Kind[] kinds)
	{
		this.name = name;
		this.size = size;
		this.ct = ct;
		this.labels = labels;
		this.owners = owners;
		this.kinds = kinds;
	}

	/** The slice label, e.g. {@code phantom-007}. */
	public String name() {
		return name;
	}

	/** Width and height in pixels. */
	public int size() {
		return size;
	}

	/** HU + 1024 per pixel, 0..4095 (unsigned 16-bit values). */
	public short[] ct() {
		return ct;
	}

	/** Instance labels 1..K, randomly permuted per slice; 0 for background and unannotated structures. */
	public short[] labels() {
		return labels;
	}

	/** The number of instances: the largest label. */
	public int instances() {
		int max = 0;
		for (final short label : labels)
			max = Math.max(max, label & 0xffff);
		return max;
	}

	/** Which painted structure owns each pixel (0: none), annotated or not; for tests of the generator. */
	int[] owners() {
		return owners;
	}

	/** The kind of each structure, by owner number (index 0 unused). */
	Kind kind(final int owner) {
		return kinds[owner];
	}

	int structures() {
		return kinds.length - 1;
	}
}
