package org.fewshotct.core.instances;

/**
 * Class-agnostic training targets derived from an instance label slice. Label IDs are arbitrary per slice,
 * so the classes come from geometry alone: background, structure interior, and structure boundary (pixels
 * of a structure within {@code boundaryWidth} pixels, chessboard distance, of another label or of background).
 * Learning the boundary class is what lets the decoder separate touching structures.
 */
public final class InstanceTargets {

	public static final byte BACKGROUND = 0;
	public static final byte INTERIOR = 1;
	public static final byte BOUNDARY = 2;
	public static final int CLASS_COUNT = 3;
	public static final String[] CLASS_NAMES = { "background", "interior", "boundary" };

	private InstanceTargets() {}

	/**
	 * The class of each pixel of a row-major label slice: {@link #BACKGROUND} where the label is 0,
	 * {@link #BOUNDARY} where a different label lies within {@code boundaryWidth} pixels (image borders do
	 * not count), {@link #INTERIOR} elsewhere.
	 */
	public static byte[] classes(final int[] labels, final int width, final int height, final int boundaryWidth) {
		if (labels.length != width * height)
			throw new IllegalArgumentException("labels hold " + labels.length + " pixels, not " + width + "x" + height);
		final boolean[] horizontal = differsWithin(labels, width, height, boundaryWidth);
		final byte[] classes = new byte[labels.length];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				if (labels[i] == 0) classes[i] = BACKGROUND;
				else classes[i] = boundaryNear(labels, horizontal, width, height, x, y, boundaryWidth) ? BOUNDARY : INTERIOR;
			}
		}
		return classes;
	}

	/** Per pixel: does a label different from its own occur within r pixels along its row? */
	private static boolean[] differsWithin(final int[] labels, final int width, final int height, final int r) {
		final boolean[] out = new boolean[labels.length];
		for (int y = 0; y < height; y++) {
			final int row = y * width;
			for (int x = 0; x < width; x++) {
				final int own = labels[row + x];
				for (int dx = Math.max(0, x - r); dx <= Math.min(width - 1, x + r); dx++) {
					if (labels[row + dx] != own) {
						out[row + x] = true;
						break;
					}
				}
			}
		}
		return out;
	}

	/**
	 * Within the (2r+1)^2 square around (x, y), is there a pixel whose label differs from the centre's? A row
	 * either differs along itself, or is uniform with a label that may differ from the centre's.
	 */
	private static boolean boundaryNear(final int[] labels, final boolean[] rowDiffers, final int width,
		final int height, final int x, final int y, final int r)
	{
		final int own = labels[y * width + x];
		for (int yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
			final int i = yy * width + x;
			if (rowDiffers[i] || labels[i] != own) return true;
		}
		return false;
	}
}
