package org.fewshotct.spark;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.File;
import java.io.IOException;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SegmentArgumentsTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void optionsTakeASpaceOrAnEqualsSign() {
		final SegmentArguments args = SegmentArguments.parse("--model", "baseline", "--input=/in", "--output", "/out",
			"--partitions=12");
		assertEquals("baseline", args.model);
		assertEquals(new File("/in"), args.input);
		assertEquals(new File("/out"), args.output);
		assertEquals(12, args.partitions);
		assertNull(args.master);
		assertNull(args.truth);
	}

	@Test
	public void badArgumentsAreRefusedBeforeAnyWork() throws IOException {
		assertRefused(() -> SegmentArguments.parse("--model", "baseline", "--input", "/in"), "--output");
		assertRefused(() -> SegmentArguments.parse("--modle", "baseline"), "Unknown option --modle");
		assertRefused(() -> SegmentArguments.parse("--model", "baseline", "--input", "/in", "--output", "/out",
			"--partitions", "0"), "--partitions must be a whole number >= 1, got 0");
		assertRefused(() -> SegmentArguments.parse("--model"), "--model needs a value");
		final File input = temp.newFolder("scans");
		final String in = input.getPath();
		assertRefused(() -> SegmentArguments.parse("--model", "baseline", "--input", in + "x", "--output", "/o")
			.check(), "not a folder");
		assertRefused(() -> SegmentArguments.parse("--model", "baseline", "--input", in, "--output", in + "/out")
			.check(), "inside --input");
		assertRefused(() -> SegmentArguments.parse("--model", in + "/none.weka", "--input", in, "--output", temp
			.getRoot() + "/out").check(), "No model at");
		final File notAModel = temp.newFile("model.weka");
		assertRefused(() -> SegmentArguments.parse("--model", notAModel.getPath(), "--input", in, "--output", temp
			.getRoot() + "/out").check(), notAModel.getPath());
	}
}
