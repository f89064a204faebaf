package org.fewshotct.spark;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;

import org.fewshotct.core.UserInputException;

/** The command line of {@code bin/spark-segment}, checked before any work. */
public final class SegmentArguments implements Serializable {

	private static final long serialVersionUID = 1L;

	static final String USAGE = "spark-segment --model M --input DIR --output DIR [--master URL] [--truth DIR] " +
		"[--partitions N]\n  --model: a Weka model file, a U-Net model folder or the word baseline\n  --input: a " +
		"folder of scans (folders of PNG/TIFF slices, DICOM series folders, NIfTI files)\n  --master: Spark's master " +
		"(default: spark-submit's, else local[*], an embedded Spark on all cores)\n  --truth: a folder of label " +
		"folders or CSVs named like the scans, to score\n  --partitions: tasks to segment with (default: twice Spark's " +
		"default parallelism, its cores)";

	final String model;
	final File input;
	final File output;
	final String master;
	final File truth;
	/** 0: twice Spark's default parallelism. */
	final int partitions;

	SegmentArguments(final String model, final File input, final File output, final String master, final File truth,
		final int partitions)
	{
		this.model = model;
		this.input = input;
		this.output = output;
		this.master = master;
		this.truth = truth;
		this.partitions = partitions;
	}

	/** Parses {@code --key value} (or {@code --key=value}) pairs; refuses unknown keys and missing values. */
	public static SegmentArguments parse(final String... args) {
		String model = null, input = null, output = null, master = null, truth = null, partitions = null;
		for (int i = 0; i < args.length; i++) {
			String key = args[i];
			String value;
			final int equals = key.indexOf('=');
			if (equals > 0) {
				value = key.substring(equals + 1);
				key = key.substring(0, equals);
			}
			else if (i + 1 < args.length) value = args[++i];
			else throw new UserInputException(key + " needs a value\n" + USAGE);
			switch (key) {
				case "--model": model = value; break;
				case "--input": input = value; break;
				case "--output": output = value; break;
				case "--master": master = value; break;
				case "--truth": truth = value; break;
				case "--partitions": partitions = value; break;
				default: throw new UserInputException("Unknown option " + key + "\n" + USAGE);
			}
		}
		if (model == null || input == null || output == null) throw new UserInputException(
			"--model, --input and --output are required\n" + USAGE);
		return new SegmentArguments(model, new File(input), new File(output), master, truth == null ? null : new File(
			truth), partitions == null ? 0 : positive(partitions));
	}

	/** Refuses inputs that are missing and an output that would overwrite them. */
	void check() {
		if (!input.isDirectory()) throw new UserInputException("--input is not a folder: " + input);
		if (truth != null && !truth.isDirectory()) throw new UserInputException("--truth is not a folder: " + truth);
		if (output.exists() && !output.isDirectory()) throw new UserInputException("--output is a file: " + output);
		if (within(output, input)) throw new UserInputException("--output " + output + " is inside --input " + input +
			": the outputs would mix with the scans");
		Segmenters.check(model);
	}

	private static boolean within(final File inner, final File outer) {
		try {
			return inner.getCanonicalFile().toPath().startsWith(outer.getCanonicalFile().toPath());
		}
		catch (final IOException e) {
			return inner.getAbsoluteFile().toPath().normalize().startsWith(outer.getAbsoluteFile().toPath().normalize());
		}
	}

	private static int positive(final String value) {
		try {
			final int n = Integer.parseInt(value);
			if (n >= 1) return n;
		}
		catch (final NumberFormatException e) {
			// refused below
		}
		throw new UserInputException("--partitions must be a whole number >= 1, got " + value);
	}
}
