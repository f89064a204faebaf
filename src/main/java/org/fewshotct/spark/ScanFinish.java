package org.fewshotct.spark;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SlicePairing;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.ChallengeCsvReader;
import org.fewshotct.core.io.ChallengeCsvWriter;
import org.fewshotct.core.io.FolderOutput;
import org.fewshotct.core.io.GrayPng;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.metric.StackRandIndex;

/**
 * One Spark task per segmented scan: its label PNGs back as one stack, {@code labels.csv} (challenge CSV), the
 * label folder's {@value FolderOutput#MARKER} marker removed, the mean ARI against {@code <truth>/<scan>/} or
 * {@code <truth>/<scan>.csv}, and last the scan's own summary row, which marks it finished.
 */
final class ScanFinish {

	static final String CSV = "labels.csv";

	private ScanFinish() {}

	static ScanSummary run(final SegmentedScan scan, final File output, final File truth) throws IOException {
		final long start = System.nanoTime();
		final int threads = Attempts.cpus();
		final File folder = new File(output, scan.name);
		final ImagePlus labels;
		try {
			final File labelFolder = new File(folder, BlockSegmentation.LABELS);
			labels = labels(scan, labelFolder);
			ChallengeCsvWriter.write(labels, new File(folder, CSV), threads, Progress.NONE);
			Files.deleteIfExists(new File(labelFolder, FolderOutput.MARKER).toPath());
		}
		catch (final IOException | RuntimeException e) {
			if (!Attempts.isLast()) throw e;
			return new ScanSummary(scan.name, 0, scan.seconds + BlockSegmentation.seconds(start), Double.NaN, scan.name +
				": writing " + CSV + " failed: " + e);
		}
		double ari = Double.NaN;
		String error = null;
		if (truth != null) try {
			// Scored as the Rand Index command scores it; a truth with masks for some slices pairs them by name.
			final ImagePlus expected = truthFor(scan.name, truth, labels, threads);
			ari = StackRandIndex.meanAdjusted(StackRandIndex.score(expected, SlicePairing.ctForLabels(labels, expected),
				threads, Progress.NONE));
		}
		catch (final UserInputException | IOException e) {
			error = "no score: " + e.getMessage();
		}
		final ScanSummary row = new ScanSummary(scan.name, labels.getStackSize(), scan.seconds + BlockSegmentation
			.seconds(start), ari, error);
		ScanSummary.write(new File(folder, ScanSummary.FILE), Collections.singletonList(row));
		return row;
	}

	private static ImagePlus labels(final SegmentedScan scan, final File folder) throws IOException {
		ImageStack stack = null;
		for (int s = 0; s < scan.files.length; s++) {
			final File file = new File(folder, scan.files[s]);
			final ImageProcessor slice = GrayPng.read(file);
			if (slice == null) throw new IOException("Not a grayscale label PNG: " + file);
			if (stack == null) stack = new ImageStack(slice.getWidth(), slice.getHeight());
			stack.addSlice(scan.sliceNames[s], slice);
		}
		return new ImagePlus(scan.name, stack);
	}

	/** The truth of the scan: a folder of label PNGs or a challenge CSV named like it. */
	private static ImagePlus truthFor(final String scan, final File truth, final ImagePlus labels,
		final int threads) throws IOException
	{
		final File folder = new File(truth, scan);
		if (folder.isDirectory()) return SliceFolderReader.read(folder, threads, Progress.NONE);
		final File csv = new File(truth, scan + ".csv");
		if (csv.isFile()) return ChallengeCsvReader.read(csv, labels.getWidth(), labels.getHeight(), threads,
			Progress.NONE);
		throw new UserInputException("no truth for " + scan + " in " + truth + " (a folder " + scan + " or " + scan +
			".csv)");
	}
}
