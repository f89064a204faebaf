package org.fewshotct.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.fewshotct.core.UserInputException;

/**
 * The Spark job's entry point, behind {@code bin/spark-segment} and {@code spark-submit --class}:
 * segments every scan of a folder with one model. Without {@code --master} (and outside spark-submit) Spark
 * runs embedded in this JVM on all cores. Exits 1 when some scans failed (the others are kept), 2 on bad
 * arguments.
 */
public final class SparkSegment {

	private SparkSegment() {}

	public static void main(final String... args) throws Exception {
		final SegmentArguments arguments;
		try {
			arguments = SegmentArguments.parse(args);
			arguments.check();
		}
		catch (final UserInputException e) {
			System.err.println("spark-segment: " + e.getMessage());
			System.exit(2);
			return;
		}
		// Spark's stage progress bar on the console: a long job shows how far it is.
		final SparkConf conf = conf(arguments.master).setIfMissing("spark.ui.showConsoleProgress", "true");
		final SegmentJob.Outcome outcome;
		final long start = System.nanoTime();
		try (JavaSparkContext spark = new JavaSparkContext(conf)) {
			if (conf.get("spark.master").startsWith("local")) spark.setLogLevel("WARN");
			outcome = SegmentJob.run(spark, arguments, System.out);
		}
		catch (final UserInputException e) {
			System.err.println("spark-segment: " + e.getMessage());
			System.exit(2);
			return;
		}
		int slices = 0;
		for (final ScanSummary row : outcome.rows)
			slices += row.slices;
		System.out.printf("spark-segment: %d scans, %d slices in %.1f s (%d skipped as finished, %d failed); summary in " +
			"%s%n", outcome.rows.size(), slices, (System.nanoTime() - start) / 1e9, outcome.skipped.size(), outcome
				.failures(), new java.io.File(arguments.output, ScanSummary.FILE));
		if (outcome.failures() > 0) System.exit(1);
	}

	/**
	 * The given master, else spark-submit's, else an embedded local Spark on all cores; local Spark without a
	 * web UI and on the loopback interface, so it runs on a machine whose host name does not resolve.
	 */
	static SparkConf conf(final String master) {
		final SparkConf conf = new SparkConf().setAppName("Few-Shot CT segmentation");
		if (master != null) conf.setMaster(master);
		else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
		if (conf.get("spark.master").startsWith("local")) {
			conf.setIfMissing("spark.ui.enabled", "false");
			conf.setIfMissing("spark.driver.host", "localhost");
			conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
		}
		return conf;
	}
}
