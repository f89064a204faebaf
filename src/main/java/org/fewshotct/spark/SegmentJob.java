package org.fewshotct.spark;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.NaturalOrder;

/**
 * Segments every scan of a folder on Spark. Stage one splits the unfinished scans into blocks of slices, so
 * that even one large scan spreads over the cluster, and segments them; stage two writes each scan's CSV, its
 * score and its summary row. The driver writes {@code <output>/summary.csv}. Input and output folders must be
 * on a file system that every node sees.
 */
public final class SegmentJob {

	/** The job's rows, one per scan, and the scans a rerun found finished. */
	public static final class Outcome {

		public final List<ScanSummary> rows;
		public final List<String> skipped;

		Outcome(final List<ScanSummary> rows, final List<String> skipped) {
			this.rows = rows;
			this.skipped = skipped;
		}

		public int failures() {
			int failures = 0;
			for (final ScanSummary row : rows)
				if (row.failed()) failures++;
			return failures;
		}
	}

	private SegmentJob() {}

	public static Outcome run(final JavaSparkContext spark, final SegmentArguments args, final PrintStream log)
		throws IOException
	{
		args.check();
		final List<File> scans = Scans.list(args.input);
		if (scans.isEmpty()) throw new UserInputException("No scans in " + args.input + ": expected folders of " +
			"slices, DICOM series folders or NIfTI files");
		requireDistinctNames(scans);
		final List<ScanSummary> rows = new ArrayList<>();
		final List<String> skipped = new ArrayList<>();
		final List<File> pending = new ArrayList<>();
		for (final File scan : scans) {
			final ScanSummary finished = ScanSummary.finished(new File(args.output, Scans.name(scan)));
			if (finished == null) pending.add(scan);
			else {
				rows.add(finished);
				skipped.add(finished.scan);
			}
		}
		if (!skipped.isEmpty()) log.println("spark-segment: " + skipped.size() + " scans already finished in " +
			args.output + ", skipped");
		if (!pending.isEmpty()) rows.addAll(segment(spark, args, pending, log));
		Collections.sort(rows, (a, b) -> NaturalOrder.compare(a.scan, b.scan));
		ScanSummary.write(new File(args.output, ScanSummary.FILE), rows);
		return new Outcome(rows, skipped);
	}

	private static List<ScanSummary> segment(final JavaSparkContext spark, final SegmentArguments args,
		final List<File> scans, final PrintStream log)
	{
		// Two tasks per core by default, so that a core finishing early takes another.
		final int partitions = args.partitions > 0 ? args.partitions : 2 * spark.defaultParallelism();
		// Fewer scans than tasks: each scan is cut into blocks so that all tasks have slices to segment.
		final int blocksPerScan = Math.max(1, (partitions + scans.size() - 1) / scans.size());
		final List<ScanBlock> blocks = new ArrayList<>();
		for (final File scan : scans)
			for (int b = 0; b < blocksPerScan; b++)
				blocks.add(new ScanBlock(scan, b, blocksPerScan));
		log.println("spark-segment: " + scans.size() + " scans in " + blocks.size() + " blocks on " + Math.min(partitions,
			blocks.size()) + " tasks, model " + args.model);
		final String model = args.model;
		final File output = args.output;
		final File truth = args.truth;
		final List<BlockResult> results = spark.parallelize(blocks, Math.min(partitions, blocks.size())).map(
			block -> BlockSegmentation.run(block, model, output)).collect();

		final Map<String, List<BlockResult>> byScan = new LinkedHashMap<>();
		for (final BlockResult result : results)
			byScan.computeIfAbsent(result.block.name, name -> new ArrayList<>()).add(result);
		final List<ScanSummary> rows = new ArrayList<>();
		final List<SegmentedScan> segmented = new ArrayList<>();
		for (final List<BlockResult> scan : byScan.values()) {
			final BlockResult failed = firstFailure(scan);
			if (failed == null) segmented.add(SegmentedScan.of(scan));
			else {
				log.println("spark-segment: scan " + failed.block.name + " failed: " + failed.error);
				rows.add(new ScanSummary(failed.block.name, 0, seconds(scan), Double.NaN, failed.error));
			}
		}
		if (!segmented.isEmpty()) rows.addAll(spark.parallelize(segmented, Math.min(partitions, segmented.size())).map(
			scan -> ScanFinish.run(scan, output, truth)).collect());
		return rows;
	}

	private static BlockResult firstFailure(final List<BlockResult> blocks) {
		for (final BlockResult block : blocks)
			if (block.error != null) return block;
		return null;
	}

	private static double seconds(final List<BlockResult> blocks) {
		double seconds = 0;
		for (final BlockResult block : blocks)
			seconds += block.seconds;
		return seconds;
	}

	/** Two scans named alike (a folder {@code a} and {@code a.nii.gz}) would write to one output folder. */
	private static void requireDistinctNames(final List<File> scans) {
		final Map<String, File> byName = new HashMap<>();
		for (final File scan : scans) {
			final File other = byName.put(Scans.name(scan), scan);
			if (other != null) throw new UserInputException("The scans " + other + " and " + scan + " would both be " +
				"written to " + Scans.name(scan) + "/; rename one");
		}
	}
}
