package org.fewshotct.core.phantom;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.fewshotct.core.Progress;
import org.junit.Test;

public class PhantomGeneratorTest {

	private static final int HU = 1024;

	@Test
	public void sameSettingsGiveTheSamePixelsInParallelOrNot() {
		final PhantomSettings settings = new PhantomSettings(4, 42, 64);
		final PhantomStacks stacks = new PhantomGenerator(settings).stacks(3, Progress.NONE);
		final PhantomGenerator again = new PhantomGenerator(settings);
		for (int s = 0; s < 4; s++) {
			final PhantomSlice slice = again.slice(s);
			assertArrayEquals(slice.ct(), (short[]) stacks.ct().getStack().getPixels(s + 1));
			assertArrayEquals(slice.labels(), (short[]) stacks.labels().getStack().getPixels(s + 1));
		}
	}

	@Test
	public void anotherSeedGivesOtherPixels() {
		final PhantomSlice one = new PhantomGenerator(new PhantomSettings(2, 1, 64)).slice(1);
		final PhantomSlice two = new PhantomGenerator(new PhantomSettings(2, 2, 64)).slice(1);
		assertFalse(Arrays.equals(one.ct(), two.ct()));
		assertFalse(Arrays.equals(one.labels(), two.labels()));
	}

	@Test
	public void stacksHaveTheRequestedShapeTitlesAndSliceLabels() {
		for (final int size : new int[] { 32, 33, 100 }) {
			final PhantomStacks stacks = new PhantomGenerator(new PhantomSettings(3, 5, size)).stacks(2, Progress.NONE);
			for (final ImagePlus image : new ImagePlus[] { stacks.ct(), stacks.labels() }) {
				assertEquals(size, image.getWidth());
				assertEquals(size, image.getHeight());
				assertEquals(3, image.getStackSize());
				assertEquals(16, image.getBitDepth());
				assertEquals("phantom-002", image.getStack().getSliceLabel(3));
			}
			assertEquals("phantom-ct", stacks.ct().getTitle());
			assertEquals("phantom-labels", stacks.labels().getTitle());
		}
	}

	@Test
	public void refusesBadSettingsNamingTheValue() {
		assertRefused(() -> new PhantomSettings(0, 1, 64), "got slices=0");
		assertRefused(() -> new PhantomSettings(1, 1, 8), "got size=8");
		assertRefused(() -> new PhantomSettings(1, 1, 5000), "got size=5000");
	}

	/** Each annotated structure is one label, each label one structure; labels run 1..K with none missing. */
	@Test
	public void labelsAreThePermutedAnnotatedStructures() {
		final PhantomGenerator generator = new PhantomGenerator(new PhantomSettings(10, 3, 128));
		final Set<Integer> vertebraLabels = new HashSet<>();
		for (int s = 0; s < 10; s++) {
			final PhantomSlice slice = generator.slice(s);
			final Map<Integer, Integer> labelOfOwner = new HashMap<>();
			final Map<Integer, Integer> ownerOfLabel = new HashMap<>();
			final int[] owners = slice.owners();
			for (int i = 0; i < owners.length; i++) {
				final int label = slice.labels()[i];
				final int owner = owners[i];
				assertEquals("one label per structure", label, (int) labelOfOwner.computeIfAbsent(owner, o -> label));
				if (label > 0)
					assertEquals("one structure per label", owner, (int) ownerOfLabel.computeIfAbsent(label, l -> owner));
				if (label > 0 && slice.kind(owner) == Kind.VERTEBRA) vertebraLabels.add(label);
			}
			assertEquals(slice.instances(), ownerOfLabel.size());
			assertTrue(slice.instances() >= 5);
		}
		assertTrue("labels are permuted per slice: " + vertebraLabels, vertebraLabels.size() > 3);
	}

	/** Like the real masks, some visible structures (vessels, muscles, bowel) stay unannotated. */
	@Test
	public void annotationIsPartial() {
		final PhantomGenerator generator = new PhantomGenerator(new PhantomSettings(10, 4, 128));
		final Set<Kind> sometimesLeftOut = new HashSet<>();
		final Set<Kind> annotated = new HashSet<>();
		for (int s = 0; s < 10; s++) {
			final PhantomSlice slice = generator.slice(s);
			final int[] pixels = new int[slice.structures() + 1];
			final boolean[] labelled = new boolean[slice.structures() + 1];
			for (int i = 0; i < slice.owners().length; i++) {
				pixels[slice.owners()[i]]++;
				labelled[slice.owners()[i]] |= slice.labels()[i] != 0;
			}
			for (int o = 1; o < pixels.length; o++) {
				if (pixels[o] >= PhantomGenerator.MIN_PIXELS && !labelled[o]) sometimesLeftOut.add(slice.kind(o));
				if (labelled[o]) annotated.add(slice.kind(o));
			}
		}
		assertTrue(sometimesLeftOut.toString(), sometimesLeftOut.containsAll(Arrays.asList(Kind.MUSCLE, Kind.VESSEL)));
		sometimesLeftOut.retainAll(annotated);
		assertFalse("some kinds are annotated in one place and not in another", sometimesLeftOut.isEmpty());
	}

	/** Every label lies inside the body: air flooded in from the image border never reaches one. */
	@Test
	public void labelsLieInsideTheBody() {
		final PhantomGenerator generator = new PhantomGenerator(new PhantomSettings(6, 6, 128));
		for (int s = 0; s < 6; s++) {
			final PhantomSlice slice = generator.slice(s);
			final boolean[] outside = outsideAir(slice.ct(), slice.size());
			for (int i = 0; i < outside.length; i++)
				assertFalse("slice " + s + " pixel " + i, outside[i] && slice.labels()[i] != 0);
		}
	}

	@Test
	public void densitiesAreRealisticHounsfieldUnits() {
		final PhantomGenerator generator = new PhantomGenerator(new PhantomSettings(8, 7, 256));
		final Map<Kind, double[]> sums = new HashMap<>();
		for (int s = 0; s < 8; s++) {
			final PhantomSlice slice = generator.slice(s);
			for (int i = 0; i < slice.ct().length; i++) {
				final int value = slice.ct()[i];
				assertTrue(value >= 0 && value <= 4095);
				if (slice.owners()[i] == 0) continue;
				final double[] sum = sums.computeIfAbsent(slice.kind(slice.owners()[i]), k -> new double[2]);
				sum[0] += value - HU;
				sum[1]++;
			}
			assertEquals("air in the corner", -1000, mean(slice.ct(), slice.size(), 0, 0, 8), 30);
		}
		assertMean(sums, Kind.LIVER, 80, 200);
		assertMean(sums, Kind.SPLEEN, 80, 200);
		assertMean(sums, Kind.KIDNEY, 80, 220);
		assertMean(sums, Kind.AORTA, 100, 300);
		assertMean(sums, Kind.PSOAS, 30, 70);
		assertMean(sums, Kind.VERTEBRA, 250, 1000);
		assertMean(sums, Kind.RIB, 250, 1000);
		assertMean(sums, Kind.LUNG, -900, -700);
	}

	/** Structures press against one another, some of similar density: separating them is the task. */
	@Test
	public void differentInstancesTouch() {
		final PhantomGenerator generator = new PhantomGenerator(new PhantomSettings(6, 8, 128));
		int similarPairs = 0;
		for (int s = 0; s < 6; s++) {
			final PhantomSlice slice = generator.slice(s);
			final short[] labels = slice.labels();
			final int size = slice.size();
			final double[] means = labelMeans(slice);
			final Set<Long> pairs = new HashSet<>();
			for (int y = 0; y < size; y++)
				for (int x = 0; x + 1 < size; x++) {
					touching(labels[y * size + x], labels[y * size + x + 1], pairs);
					if (y + 1 < size) touching(labels[y * size + x], labels[(y + 1) * size + x], pairs);
				}
			assertFalse("slice " + s + " has touching instances", pairs.isEmpty());
			for (final long pair : pairs)
				if (Math.abs(means[(int) (pair >> 16)] - means[(int) (pair & 0xffff)]) < 40) similarPairs++;
		}
		assertTrue(similarPairs > 0);
	}

	/** The same seed at twice the size is the same anatomy at twice the scale. */
	@Test
	public void structuresScaleWithSize() {
		final PhantomSlice small = new PhantomGenerator(new PhantomSettings(3, 9, 128)).slice(1);
		final PhantomSlice large = new PhantomGenerator(new PhantomSettings(3, 9, 256)).slice(1);
		final double[] a = centroid(small, Kind.VERTEBRA);
		final double[] b = centroid(large, Kind.VERTEBRA);
		assertEquals(a[0] * 4, b[0], 0.05 * b[0]);
		assertEquals(2 * a[1], b[1], 1.5);
		assertEquals(2 * a[2], b[2], 1.5);
	}

	private static void touching(final int a, final int b, final Set<Long> pairs) {
		if (a != 0 && b != 0 && a != b) pairs.add(((long) Math.min(a, b) << 16) | Math.max(a, b));
	}

	private static double[] labelMeans(final PhantomSlice slice) {
		final double[] sums = new double[65536];
		final int[] counts = new int[65536];
		for (int i = 0; i < slice.labels().length; i++) {
			sums[slice.labels()[i]] += slice.ct()[i] - HU;
			counts[slice.labels()[i]]++;
		}
		for (int l = 0; l < sums.length; l++)
			if (counts[l] > 0) sums[l] /= counts[l];
		return sums;
	}

	/** Pixel count and centroid of the first structure of this kind. */
	private static double[] centroid(final PhantomSlice slice, final Kind kind) {
		final double[] c = new double[3];
		for (int i = 0; i < slice.owners().length; i++) {
			if (slice.kind(slice.owners()[i]) != kind) continue;
			c[0]++;
			c[1] += i % slice.size() + 0.5;
			c[2] += i / slice.size() + 0.5;
		}
		c[1] /= c[0];
		c[2] /= c[0];
		return c;
	}

	private static boolean[] outsideAir(final short[] ct, final int size) {
		final boolean[] outside = new boolean[ct.length];
		final Deque<Integer> queue = new ArrayDeque<>();
		for (int i = 0; i < size; i++)
			for (final int p : new int[] { i, (size - 1) * size + i, i * size, i * size + size - 1 })
				if (!outside[p] && ct[p] < HU - 400) {
					outside[p] = true;
					queue.add(p);
				}
		while (!queue.isEmpty()) {
			final int p = queue.poll();
			final int x = p % size;
			final int y = p / size;
			for (final int q : new int[] { x > 0 ? p - 1 : -1, x + 1 < size ? p + 1 : -1, y > 0 ? p - size : -1,
				y + 1 < size ? p + size : -1 })
				if (q >= 0 && !outside[q] && ct[q] < HU - 400) {
					outside[q] = true;
					queue.add(q);
				}
		}
		return outside;
	}

	private static double mean(final short[] ct, final int size, final int x0, final int y0, final int n) {
		double sum = 0;
		for (int y = y0; y < y0 + n; y++)
			for (int x = x0; x < x0 + n; x++)
				sum += ct[y * size + x] - HU;
		return sum / (n * n);
	}

	private static void assertMean(final Map<Kind, double[]> sums, final Kind kind, final double low,
		final double high)
	{
		final double[] sum = sums.get(kind);
		assertTrue(kind + " present", sum != null && sum[1] > 0);
		final double mean = sum[0] / sum[1];
		assertTrue(kind + " mean " + mean + " HU", mean >= low && mean <= high);
	}
}
