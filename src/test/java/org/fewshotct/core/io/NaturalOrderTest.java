package org.fewshotct.core.io;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class NaturalOrderTest {

	@Test
	public void sortsEmbeddedNumbersByValue() {
		final List<String> names = Arrays.asList("slice10.png", "slice2.png", "slice02b.png", "a.png", "slice1.png",
			"slice002.png");
		names.sort(NaturalOrder::compare);
		assertEquals(Arrays.asList("a.png", "slice1.png", "slice002.png", "slice2.png", "slice02b.png", "slice10.png"),
			names);
	}
}
