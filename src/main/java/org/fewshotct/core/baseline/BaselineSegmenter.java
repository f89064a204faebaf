package org.fewshotct.core.baseline;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;

/**
 * The classical baseline over a CT stack: each slice windowed to 8 bits, then {@link SobelWatershed}, slices
 * in parallel.
 */
public final class BaselineSegmenter implements StackSegmenter {

	public static final String NAME = "baseline";

	private static final int MAX_LABELS = 65535;

	private final BaselineSettings settings;
	private final int threads;

	public BaselineSegmenter(final BaselineSettings settings, final int threads) {
		this.settings = settings;
		this.threads = threads;
	}

	public BaselineSettings settings() {
		return settings;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public ImagePlus segment(final ImagePlus ct, final Progress progress) {
		Stacks.requireCt(ct, "CT");
		final IntensityWindow window = settings.window(ct);
		final boolean asIs = ct.getBitDepth() == 8 && window.equals(new IntensityWindow(0, 255));
		final ImageStack source = ct.getStack();
		final ImageStack labels = Stacks.emptyLike(ct, 16);
		final int width = ct.getWidth();
		final int height = ct.getHeight();
		progress.status("Sobel, median, gradient markers and watershed on " + source.getSize() + " slices");
		// One worker and one label buffer per thread, reused from slice to slice.
		final ThreadLocal<SobelWatershed> workers = ThreadLocal.withInitial(() -> new SobelWatershed(settings));
		final ThreadLocal<int[]> buffers = ThreadLocal.withInitial(() -> new int[width * height]);
		SliceParallel.forEach(source.getSize(), threads, progress, s -> {
			final ImageProcessor slice = source.getProcessor(s + 1);
			final byte[] bytes = asIs ? (byte[]) slice.getPixels() : window.toBytes(slice);
			final int[] sliceLabels = buffers.get();
			final int count = workers.get().segment(bytes, width, height, sliceLabels);
			if (count > MAX_LABELS) throw new UserInputException("Slice " + (s + 1) + " of '" + ct.getTitle() +
				"' gives " + count + " markers, more than a 16-bit label image holds; change marker_threshold or " +
				"gradient_radius");
			labels.setPixels(Stacks.labelSlice(sliceLabels, width, height).getPixels(), s + 1);
		});
		final ImagePlus result = new ImagePlus(ct.getTitle() + "-" + NAME, labels);
		Stacks.calibrateLike(result, ct);
		return result;
	}
}
