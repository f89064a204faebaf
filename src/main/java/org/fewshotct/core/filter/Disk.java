package org.fewshotct.core.filter;

/**
 * A disk footprint as scikit-image 0.19's {@code morphology.disk(radius)} draws it: the pixels (dx, dy) with
 * dx^2 + dy^2 <= radius^2. Stored as one horizontal span per row, which is how the rank filters slide it.
 */
public final class Disk {

	private final int radius;
	private final int[] halfWidths;

	public Disk(final int radius) {
		if (radius < 0) throw new IllegalArgumentException("Disk radius must be >= 0, got " + radius);
		this.radius = radius;
		halfWidths = new int[2 * radius + 1];
		for (int dy = -radius; dy <= radius; dy++) {
			int half = 0;
			while ((half + 1) * (half + 1) + dy * dy <= radius * radius)
				half++;
			halfWidths[dy + radius] = half;
		}
	}

	public int radius() {
		return radius;
	}

	/** The span of row {@code dy} (-radius..radius): the disk covers dx in [-halfWidth, halfWidth]. */
	public int halfWidth(final int dy) {
		return halfWidths[dy + radius];
	}

	/** Is (dx, dy) in the disk? */
	public boolean contains(final int dx, final int dy) {
		return Math.abs(dy) <= radius && Math.abs(dx) <= halfWidth(dy);
	}

	/** The number of pixels in the disk. */
	public int area() {
		int area = 0;
		for (final int half : halfWidths)
			area += 2 * half + 1;
		return area;
	}
}
