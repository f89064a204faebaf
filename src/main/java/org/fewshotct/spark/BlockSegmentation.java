package org.fewshotct.spark;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.AtomicOutput;
import org.fewshotct.core.io.FolderOutput;
import org.fewshotct.core.io.GrayPng;
import org.fewshotct.core.io.LabelSliceWriter;

/**
 * One Spark task: reads a scan, segments the slices of its block with this JVM's segmenter and writes their
 * label PNGs to {@code <output>/<scan>/labels/}. A slice's labels depend on that slice alone, so they equal
 * the single-machine command's for the whole stack.
 */
final class BlockSegmentation {

	static final String LABELS = "labels";

	private BlockSegmentation() {}

	/**
	 * Segments the block. A scan the suite refuses (unreadable, or unsuitable for the model) and, in the task's
	 * last attempt, any other failure become a failed result naming the scan; earlier attempts throw, so Spark
	 * retries them.
	 */
	static BlockResult run(final ScanBlock block, final String model, final File output) throws IOException {
		final long start = System.nanoTime();
		try {
			return segment(block, model, output, start);
		}
		catch (final UserInputException e) {
			return BlockResult.failed(block, e.getMessage(), seconds(start));
		}
		catch (final IOException | RuntimeException e) {
			if (!Attempts.isLast()) throw e;
			return BlockResult.failed(block, block + " failed: " + e, seconds(start));
		}
	}

	private static BlockResult segment(final ScanBlock block, final String model, final File output,
		final long start) throws IOException
	{
		final int threads = Attempts.cpus();
		final ImagePlus scan = ScanCache.read(block.scan, threads);
		final int slices = scan.getStackSize();
		final int from = block.from(slices);
		final int to = block.to(slices);
		final String[] sliceNames = new String[to - from];
		if (from == to) return BlockResult.done(block, slices, from, sliceNames, sliceNames, seconds(start));
		final ImageStack stack = labels(Segmenters.get(model, threads), scan, from, to).getStack();
		for (int s = 0; s < sliceNames.length; s++) {
			sliceNames[s] = Stacks.sliceName(stack, s + 1);
			// An unnamed slice's PNG is named by its index in the whole scan, as the command names it.
			if (sliceNames[s] == null) stack.setSliceLabel(String.format("%03d", from + s), s + 1);
		}
		final String[] files = LabelSliceWriter.fileNames(stack);
		final File folder = new File(new File(output, block.name), LABELS);
		markIncomplete(folder);
		// File by file: the blocks of a scan write into one folder side by side.
		SliceParallel.forEachFile(files.length, threads, Progress.NONE, s -> AtomicOutput.write(new File(folder,
			files[s]), path -> GrayPng.write(stack.getProcessor(s + 1), path.toFile())));
		return BlockResult.done(block, slices, from, sliceNames, files, seconds(start));
	}

	/**
	 * Marks the scan's label folder unfinished, as the commands do, until {@link ScanFinish} completes the scan.
	 * Written in place, not through {@link AtomicOutput}: the scan's other blocks mark the same folder at the same
	 * time, and an atomic write removes the temporary folder of a concurrent write of its file as a leftover,
	 * which failed that block (a partly written marker marks as well as a whole one).
	 */
	static void markIncomplete(final File folder) throws IOException {
		Files.createDirectories(folder.toPath());
		Files.write(new File(folder, FolderOutput.MARKER).toPath(), ("bin/spark-segment is writing this folder, or " +
			"was stopped before it finished its scan: its files may be missing or from an earlier run. Run it again.\n")
				.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The labels of slices [from, to). The segmenters check a CT stack as a whole before any work (not a single
	 * value, not as few values as a label image), so a few all-air slices can be refused on their own while their
	 * scan passes: then this block segments the whole scan and keeps its own slices (a rare case, at the ends of
	 * some volumes).
	 */
	private static ImagePlus labels(final StackSegmenter segmenter, final ImagePlus scan, final int from,
		final int to)
	{
		try {
			return segmenter.segment(part(scan, from, to), Progress.NONE);
		}
		catch (final UserInputException refused) {
			Stacks.requireCt(scan, "CT");
			return part(segmenter.segment(scan, Progress.NONE), from, to);
		}
	}

	/** Slices [from, to) of the scan, with its calibration (HU) and slice labels. */
	private static ImagePlus part(final ImagePlus scan, final int from, final int to) {
		final ImageStack source = scan.getStack();
		final ImageStack stack = new ImageStack(scan.getWidth(), scan.getHeight());
		for (int s = from; s < to; s++)
			stack.addSlice(source.getSliceLabel(s + 1), source.getProcessor(s + 1));
		final ImagePlus part = new ImagePlus(scan.getTitle(), stack);
		part.setCalibration(scan.getCalibration());
		return part;
	}

	static double seconds(final long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
