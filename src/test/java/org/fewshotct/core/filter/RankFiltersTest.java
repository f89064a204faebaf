package org.fewshotct.core.filter;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertSame;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.junit.Test;

public class RankFiltersTest {

	private static final int[][] SIZES = { { 1, 1 }, { 1, 9 }, { 9, 1 }, { 2, 3 }, { 13, 9 }, { 40, 33 } };

	/** Every filter against a direct count over the disk, on random images with few and with many grey levels. */
	@Test
	public void matchBruteForceOnRandomImages() {
		final Random random = new Random(20261123);
		for (final int[] size : SIZES) {
			for (final int levels : new int[] { 3, 256 }) {
				final int width = size[0];
				final int height = size[1];
				final byte[] image = new byte[width * height];
				for (int i = 0; i < image.length; i++)
					image[i] = (byte) (random.nextInt(levels) * (255 / Math.max(1, levels - 1)));
				for (int r = 0; r <= 6; r++) {
					final String what = width + "x" + height + ", " + levels + " levels, radius " + r;
					final byte[] out = new byte[image.length];
					RankFilters.median(image, width, height, r, out);
					assertArrayEquals("median " + what, bruteForce(image, width, height, r, MEDIAN), out);
					RankFilters.minimum(image, width, height, r, out);
					assertArrayEquals("minimum " + what, bruteForce(image, width, height, r, MINIMUM), out);
					RankFilters.maximum(image, width, height, r, out);
					assertArrayEquals("maximum " + what, bruteForce(image, width, height, r, MAXIMUM), out);
					RankFilters.gradient(image, width, height, r, out);
					assertArrayEquals("gradient " + what, bruteForce(image, width, height, r, GRADIENT), out);
				}
			}
		}
	}

	/** scikit-image's own output, even-count medians at the border included. */
	@Test
	public void matchScikitImage() throws IOException {
		final FilterFixture fixture = new FilterFixture();
		final byte[] image = fixture.bytes("image");
		for (final int r : new int[] { 1, 2, 5 }) {
			final byte[] out = new byte[image.length];
			RankFilters.median(image, fixture.width, fixture.height, r, out);
			assertArrayEquals("median" + r, fixture.bytes("median" + r), out);
			RankFilters.gradient(image, fixture.width, fixture.height, r, out);
			assertArrayEquals("gradient" + r, fixture.bytes("gradient" + r), out);
		}
	}

	/** The median of an even count is the upper middle value: a corner of radius 1 sees 3 pixels, an edge 4. */
	@Test
	public void evenCountTakesTheUpperMiddle() {
		final byte[] image = { 10, 20, 30, 40 };
		final byte[] out = new byte[4];
		RankFilters.median(image, 4, 1, 1, out);
		// windows {10,20}, {10,20,30}, {20,30,40}, {30,40}
		assertArrayEquals(new byte[] { 20, 20, 30, 40 }, out);
	}

	@Test
	public void imgLib2VersionsReadTheArrayInPlace() {
		final byte[] pixels = { 0, 5, (byte) 200, 7, 9, 1, 3, 3, (byte) 255, 4, 4, 8 };
		final ArrayImg<UnsignedByteType, ByteArray> image = ArrayImgs.unsignedBytes(pixels, 4, 3);
		assertSame(pixels, Planes.bytes(image));
		final byte[] expected = new byte[pixels.length];
		RankFilters.gradient(pixels, 4, 3, 1, expected);
		assertArrayEquals(expected, RankFilters.gradient(image, 1).update(null).getCurrentStorageArray());
		RankFilters.median(pixels, 4, 3, 1, expected);
		assertArrayEquals(expected, RankFilters.median(image, 1).update(null).getCurrentStorageArray());
	}

	@Test(expected = IllegalArgumentException.class)
	public void refusesToWorkInPlace() {
		final byte[] image = new byte[4];
		RankFilters.median(image, 2, 2, 1, image);
	}

	private static final int MEDIAN = 0;
	private static final int MINIMUM = 1;
	private static final int MAXIMUM = 2;
	private static final int GRADIENT = 3;

	private static byte[] bruteForce(final byte[] image, final int width, final int height, final int r,
		final int statistic)
	{
		final byte[] out = new byte[image.length];
		final int[] window = new int[(2 * r + 1) * (2 * r + 1)];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int count = 0;
				for (int dy = -r; dy <= r; dy++)
					for (int dx = -r; dx <= r; dx++)
						if (dx * dx + dy * dy <= r * r && x + dx >= 0 && x + dx < width && y + dy >= 0 && y + dy < height)
							window[count++] = image[(y + dy) * width + x + dx] & 0xff;
				Arrays.sort(window, 0, count);
				final int value = statistic == MEDIAN ? window[count / 2] : statistic == MINIMUM ? window[0]
					: statistic == MAXIMUM ? window[count - 1] : window[count - 1] - window[0];
				out[y * width + x] = (byte) value;
			}
		}
		return out;
	}
}
