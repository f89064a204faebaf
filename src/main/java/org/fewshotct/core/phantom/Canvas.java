package org.fewshotct.core.phantom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One slice being painted: Hounsfield units, which structure owns each pixel, and the body zone each pixel
 * lies in. Later paint covers earlier paint, so structures painted over one another share a border, as
 * organs pressed together do.
 */
final class Canvas {

	/** Zones, from outside in; a structure is painted only on pixels at least as deep as it asks. */
	static final int AIR = 0, BODY = 1, MUSCLE_WALL = 2, CAVITY = 3;

	/** Paint over any owner. */
	static final int ANY = -1;
	/** Paint only over pixels no structure owns yet. */
	static final int FREE = 0;

	final int size;
	final float[] hu;
	final int[] owner;
	final byte[] zone;
	private final List<Kind> kinds = new ArrayList<>();
	private final List<Boolean> annotated = new ArrayList<>();

	Canvas(final int size, final double background) {
		this.size = size;
		hu = new float[size * size];
		Arrays.fill(hu, (float) background);
		owner = new int[size * size];
		zone = new byte[size * size];
	}

	/** A new structure; returns its owner number (1, 2, ...). */
	int structure(final Kind kind, final boolean isAnnotated) {
		kinds.add(kind);
		annotated.add(isAnnotated);
		return kinds.size();
	}

	Kind kind(final int structure) {
		return kinds.get(structure - 1);
	}

	boolean annotated(final int structure) {
		return annotated.get(structure - 1);
	}

	int structures() {
		return kinds.size();
	}

	/** Marks the outline's pixels as {@code depth} deep and gives them to {@code structure} (0: none). */
	void layer(final Outline outline, final int depth, final double value, final int structure) {
		final float v = (float) value;
		outline.scan(size, size, (y, x0, x1) -> {
			for (int i = y * size + x0, end = y * size + x1; i < end; i++) {
				zone[i] = (byte) depth;
				hu[i] = v;
				owner[i] = structure;
			}
		});
	}

	/**
	 * Paints the outline's pixels that lie at least {@code minZone} deep and whose owner is {@code over}
	 * ({@link #ANY}: any owner).
	 */
	void paint(final Outline outline, final double value, final int structure, final int minZone, final int over) {
		final float v = (float) value;
		outline.scan(size, size, (y, x0, x1) -> {
			for (int i = y * size + x0, end = y * size + x1; i < end; i++) {
				if (zone[i] < minZone || (over != ANY && owner[i] != over)) continue;
				hu[i] = v;
				owner[i] = structure;
			}
		});
	}

	/** The owner at a point, or -1 outside the image. */
	int ownerAt(final double x, final double y) {
		final int ix = (int) Math.floor(x);
		final int iy = (int) Math.floor(y);
		if (ix < 0 || iy < 0 || ix >= size || iy >= size) return -1;
		return owner[iy * size + ix];
	}

	/** The zone at a point, or {@link #AIR} outside the image. */
	int zoneAt(final double x, final double y) {
		final int ix = (int) Math.floor(x);
		final int iy = (int) Math.floor(y);
		if (ix < 0 || iy < 0 || ix >= size || iy >= size) return AIR;
		return zone[iy * size + ix];
	}
}
