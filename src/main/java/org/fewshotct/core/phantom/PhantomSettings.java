package org.fewshotct.core.phantom;

import org.fewshotct.core.UserInputException;

/** What a phantom stack is made from: slice count, seed, and slice size (square). Same settings, same pixels. */
public final class PhantomSettings {

	public static final int MIN_SIZE = 32;
	public static final int MAX_SIZE = 4096;
	public static final int MAX_SLICES = 10000;

	private final int slices;
	private final long seed;
	private final int size;

	/** Refuses a slice count outside 1..10000 or a size outside 32..4096, naming the value. */
	public PhantomSettings(final int slices, final long seed, final int size) {
		if (slices < 1 || slices > MAX_SLICES)
			throw new UserInputException("The slice count must be 1 to " + MAX_SLICES + ", got slices=" + slices);
		if (size < MIN_SIZE || size > MAX_SIZE)
			throw new UserInputException("The slice size must be " + MIN_SIZE + " to " + MAX_SIZE + " pixels, got size=" +
				size);
		this.slices = slices;
		this.seed = seed;
		this.size = size;
	}

	public int slices() {
		return slices;
	}

	public long seed() {
		return seed;
	}

	public int size() {
		return size;
	}

	@Override
	public String toString() {
		return "slices=" + slices + " seed=" + seed + " size=" + size;
	}
}
