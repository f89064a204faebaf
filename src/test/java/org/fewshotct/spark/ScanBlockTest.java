package org.fewshotct.spark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;

import org.apache.spark.SparkConf;
import org.junit.Test;

public class ScanBlockTest {

	@Test
	public void blocksCoverEverySliceOnceAndStartOnEvenSlices() {
		for (int slices = 1; slices <= 40; slices++)
			for (int count = 1; count <= 9; count++) {
				int next = 0;
				for (int b = 0; b < count; b++) {
					final ScanBlock block = new ScanBlock(new File("scan"), b, count);
					assertEquals(slices + " slices, " + block, next, block.from(slices));
					assertTrue(block.from(slices) % ScanBlock.ALIGNMENT == 0 || block.from(slices) == slices);
					next = block.to(slices);
				}
				assertEquals(slices, next);
			}
	}

	@Test
	public void aNiftiScanIsNamedWithoutItsExtension() {
		assertEquals("case7", new ScanBlock(new File("/data/case7.nii.gz"), 0, 1).name);
		assertEquals("case8", Scans.name(new File("case8.NII")));
		assertEquals("slices", Scans.name(new File("/data/slices")));
	}

	@Test
	public void lastAttemptsFollowTheMaster() {
		assertEquals(1, Attempts.allowed(new SparkConf().setMaster("local[2]")));
		assertEquals(3, Attempts.allowed(new SparkConf().setMaster("local[*, 3]")));
		assertEquals(4, Attempts.allowed(new SparkConf().setMaster("spark://head:7077")));
		assertEquals(8, Attempts.allowed(new SparkConf().setMaster("yarn").set("spark.task.maxFailures", "8")));
	}
}
