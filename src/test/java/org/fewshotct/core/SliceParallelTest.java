package org.fewshotct.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.Test;

public class SliceParallelTest {

	@Test
	public void runsEverySliceOnce() {
		final AtomicIntegerArray runs = new AtomicIntegerArray(37);
		SliceParallel.forEach(37, 3, Progress.NONE, runs::incrementAndGet);
		for (int s = 0; s < 37; s++)
			assertEquals("slice " + s, 1, runs.get(s));
	}

	@Test
	public void aTaskFailureReachesTheCaller() throws IOException {
		final IOException disk = new IOException("disk full");
		try {
			SliceParallel.forEachFile(5, 2, Progress.NONE, s -> {
				if (s == 3) throw disk;
			});
			fail("the failure was lost");
		}
		catch (final IOException e) {
			assertSame(disk, e);
		}
		final UserInputException bad = new UserInputException("bad slice");
		try {
			SliceParallel.forEach(5, 2, Progress.NONE, s -> {
				throw bad;
			});
			fail("the failure was lost");
		}
		catch (final UserInputException e) {
			assertSame(bad, e);
		}
	}

	@Test(timeout = 60_000)
	public void anErrorInAWorkerReachesTheCallerInsteadOfAHang() {
		final OutOfMemoryError heap = new OutOfMemoryError("Java heap space");
		final AtomicInteger started = new AtomicInteger();
		try {
			SliceParallel.forEach(1000, 3, Progress.NONE, s -> {
				started.incrementAndGet();
				if (s == 2) throw heap;
				Thread.sleep(1);
			});
			fail("the error was lost");
		}
		catch (final OutOfMemoryError e) {
			assertSame(heap, e);
		}
		assertTrue("slices were still handed out after the error: " + started.get(), started.get() < 100);
	}
}
