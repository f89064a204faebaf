package org.fewshotct.core.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The cases of {@code core/baseline/skimage-filters.tsv}: a small 8-bit image with scikit-image 0.19's sobel,
 * rank medians and gradients of it (see the script next to it).
 */
final class FilterFixture {

	final int width;
	final int height;
	private final Map<String, String[]> cases = new HashMap<>();

	FilterFixture() throws IOException {
		int w = 0;
		int h = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(FilterFixture.class.getResourceAsStream(
			"/org/fewshotct/core/baseline/skimage-filters.tsv"), StandardCharsets.UTF_8)))
		{
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				final String[] columns = line.split("\t");
				w = Integer.parseInt(columns[1]);
				h = Integer.parseInt(columns[2]);
				cases.put(columns[0], columns[3].split(","));
			}
		}
		width = w;
		height = h;
	}

	byte[] bytes(final String name) {
		final String[] values = cases.get(name);
		final byte[] bytes = new byte[values.length];
		for (int i = 0; i < bytes.length; i++)
			bytes[i] = (byte) Integer.parseInt(values[i]);
		return bytes;
	}

	double[] doubles(final String name) {
		final String[] values = cases.get(name);
		final double[] doubles = new double[values.length];
		for (int i = 0; i < doubles.length; i++)
			doubles[i] = Double.parseDouble(values[i]);
		return doubles;
	}
}
