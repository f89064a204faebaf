package org.fewshotct.core.label;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.PriorityQueue;
import java.util.Random;

import org.junit.Test;

public class FloodQueueTest {

	/**
	 * Pushes and pops interleaved as a flood does them, on priorities with many exact ties, some below and
	 * above the declared range: entries leave in the order of (priority, age) exactly, as from one heap.
	 */
	@Test
	public void popsInOrderOfPriorityThenAge() {
		final Random random = new Random(20261124);
		for (final double[] range : new double[][] { { 0, 1 }, { 0.4, 0.6 }, { 0, 0 }, { 5, -5 } }) {
			final FloodQueue queue = new FloodQueue(4);
			queue.clear(range[0], range[1]);
			final PriorityQueue<double[]> expected = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0],
				b[0]) : Double.compare(a[1], b[1]));
			int age = 0;
			for (int step = 0; step < 20000; step++) {
				if (random.nextInt(5) < 3 || expected.isEmpty()) {
					// Few distinct values (ties), spread over and beyond the range.
					final double p = random.nextInt(300) / 200.0 - 0.25;
					age++;
					queue.push(p, 3 * age, age % 7, -age);
					expected.add(new double[] { p, age });
				}
				else assertPop(queue, expected.poll());
			}
			while (!expected.isEmpty())
				assertPop(queue, expected.poll());
			assertFalse(queue.pop());
		}
	}

	private static void assertPop(final FloodQueue queue, final double[] expected) {
		assertTrue(queue.pop());
		final int age = (int) expected[1];
		assertEquals(age, queue.age());
		assertEquals(3 * age, queue.pixel());
		assertEquals(age % 7, queue.label());
		assertEquals(-age, queue.offset());
	}
}
