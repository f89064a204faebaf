package org.fewshotct.core.filter;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.IOException;

import net.imglib2.img.array.ArrayImgs;

import org.junit.Test;

public class SobelTest {

	private static final double EDGE = 1 / Math.sqrt(2);

	/**
	 * A vertical step from 0 to 1 in the last column: gx = 1 wherever the 3x3 window straddles it (the mirrored
	 * border repeats the last column), gy = 0; the magnitude is sqrt(gx^2 + gy^2) / sqrt(2).
	 */
	@Test
	public void stepGivesOneOverRootTwo() {
		final double[] image = {
			0, 0, 1,
			0, 0, 1,
			0, 0, 1 };
		final double[] out = new double[9];
		Sobel.magnitude(image, 3, 3, out);
		assertArrayEquals(new double[] {
			0, EDGE, EDGE,
			0, EDGE, EDGE,
			0, EDGE, EDGE }, out, 0);
	}

	/** A diagonal corner: both derivatives count, each with the [1, 2, 1] / 4 smoothing across. */
	@Test
	public void cornerCombinesBothAxes() {
		final double[] image = {
			0, 0, 0,
			0, 1, 1,
			0, 1, 1 };
		final double[] out = new double[9];
		Sobel.magnitude(image, 3, 3, out);
		// Centre: gy = (0.5 + 0.25) - 0 = 0.75 from the rows below and above; gx the same by symmetry.
		assertEquals(Math.sqrt(0.75 * 0.75 + 0.75 * 0.75) / Math.sqrt(2), out[4], 0);
		// Top left: mirrored, it sees rows 0, 0, 1 and columns 0, 0, 1: gy = 0.25 = gx.
		assertEquals(Math.sqrt(0.25 * 0.25 + 0.25 * 0.25) / Math.sqrt(2), out[0], 0);
	}

	/**
	 * A flat image of 77 has edges of 9.813077866773593e-18, not 0: 77 * (1/255) times -0.25, -0.5, ... summed in
	 * scipy's order leaves that rounding residue, and scikit-image returns exactly it (a flat 0 gives 0).
	 */
	@Test
	public void flatImageKeepsScipysRoundingResidue() {
		final byte[] image = new byte[20];
		java.util.Arrays.fill(image, (byte) 77);
		final double[] out = new double[20];
		Sobel.magnitude(image, 5, 4, out);
		for (final double value : out)
			assertEquals(9.813077866773593e-18, value, 0);
		Sobel.magnitude(new byte[20], 5, 4, out);
		assertArrayEquals(new double[20], out, 0);
	}

	/** scikit-image's sobel of an 8-bit image, to the last bit (8-bit values scaled by 1/255 as it does). */
	@Test
	public void matchesScikitImageExactly() throws IOException {
		final FilterFixture fixture = new FilterFixture();
		final byte[] image = fixture.bytes("image");
		final double[] out = new double[image.length];
		Sobel.magnitude(image, fixture.width, fixture.height, out);
		assertArrayEquals(fixture.doubles("sobel"), out, 0);
		final double[] viaImgLib2 = Sobel.magnitude(ArrayImgs.unsignedBytes(image, fixture.width, fixture.height))
			.update(null).getCurrentStorageArray();
		assertArrayEquals(out, viaImgLib2, 0);
	}
}
