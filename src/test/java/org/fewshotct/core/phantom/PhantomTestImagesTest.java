package org.fewshotct.core.phantom;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import ij.ImagePlus;

import java.io.File;

import org.fewshotct.core.Progress;
import org.fewshotct.core.io.SliceFolderReader;
import org.junit.Test;

/**
 * The embedded {@code test-images/} are exactly what the generator makes for the seeds recorded in
 * {@code macros/make-test-images.ijm}, so the committed files cannot drift from the generator.
 */
public class PhantomTestImagesTest {

	private static final File ROOT = new File("test-images");
	private static final int SIZE = 256;

	@Test
	public void trainingImagesAreTheGeneratorsSeedEleven() {
		assertSame(new File(ROOT, "train"), new PhantomSettings(6, 11, SIZE));
	}

	@Test
	public void testImagesAreTheGeneratorsSeedTwelve() {
		assertSame(new File(ROOT, "test"), new PhantomSettings(4, 12, SIZE));
	}

	/** The folder's images/ and labels/ hold the generator's slices, named after the slice labels. */
	private static void assertSame(final File folder, final PhantomSettings settings) {
		final ImagePlus ct = SliceFolderReader.read(new File(folder, "images"), Progress.NONE);
		final ImagePlus labels = SliceFolderReader.read(new File(folder, "labels"), Progress.NONE);
		assertEquals(settings.slices(), ct.getStackSize());
		assertEquals(settings.slices(), labels.getStackSize());
		assertEquals(16, ct.getBitDepth());
		final PhantomGenerator generator = new PhantomGenerator(settings);
		for (int s = 0; s < settings.slices(); s++) {
			final PhantomSlice slice = generator.slice(s);
			assertEquals(slice.name() + ".png", ct.getStack().getSliceLabel(s + 1));
			assertEquals(slice.name() + ".png", labels.getStack().getSliceLabel(s + 1));
			assertArrayEquals(slice.name(), slice.ct(), (short[]) ct.getStack().getPixels(s + 1));
			assertArrayEquals(slice.name(), slice.labels(), (short[]) labels.getStack().getPixels(s + 1));
		}
	}
}
