package org.fewshotct.core.filter;

/**
 * Where a filter reads beyond the image border: the image is mirrored about its edge pixels' outer side
 * ({@code d c b a | a b c d | d c b a}), as scipy's "reflect" mode does. Mirroring keeps a smooth image smooth
 * at its border, so edge pixels get no false edges.
 */
public final class Borders {

	private Borders() {}

	/** The index inside [0, n) that index i (any integer) mirrors onto. */
	public static int reflect(final int i, final int n) {
		if (i >= 0 && i < n) return i;
		final int period = 2 * n;
		int m = i % period;
		if (m < 0) m += period;
		return m < n ? m : period - 1 - m;
	}

	/** A copy of the line of length n at {@code source[offset + k * stride]} padded by r mirrored values on each side. */
	static void padLine(final float[] source, final int offset, final int stride, final int n, final int r,
		final float[] padded)
	{
		for (int k = -r; k < n + r; k++)
			padded[k + r] = source[offset + reflect(k, n) * stride];
	}
}
