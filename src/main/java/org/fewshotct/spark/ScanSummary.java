package org.fewshotct.spark;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import org.fewshotct.core.io.AtomicOutput;
import org.fewshotct.core.io.CsvFields;

/**
 * One scan's row of {@code summary.csv}: its name, slice count, the task seconds spent on it (reading,
 * segmenting, writing, summed over its blocks), the mean ARI against the truth (empty without one) and why it
 * failed (empty when it did not). Each finished scan also keeps its own row in {@code <scan>/summary.csv},
 * written last: a rerun skips the scans that have one.
 */
public final class ScanSummary implements Serializable {

	private static final long serialVersionUID = 1L;

	static final String FILE = "summary.csv";
	static final String HEADER = "scan,slices,seconds,mean_ari,error";

	public final String scan;
	public final int slices;
	public final double seconds;
	/** NaN without a truth. */
	public final double meanAri;
	/** Null for a scan segmented without failure. */
	public final String error;

	ScanSummary(final String scan, final int slices, final double seconds, final double meanAri, final String error) {
		this.scan = scan;
		this.slices = slices;
		this.seconds = seconds;
		this.meanAri = meanAri;
		this.error = error;
	}

	public boolean failed() {
		return error != null && slices == 0;
	}

	String csvRow() {
		return field(scan) + "," + slices + "," + String.format(Locale.ROOT, "%.3f", seconds) + "," + (Double.isNaN(
			meanAri) ? "" : String.format(Locale.ROOT, "%.6f", meanAri)) + "," + (error == null ? "" : field(error));
	}

	/** Writes a summary file of these rows, atomically. */
	static void write(final File file, final List<ScanSummary> rows) throws IOException {
		final StringBuilder text = new StringBuilder(HEADER).append('\n');
		for (final ScanSummary row : rows)
			text.append(row.csvRow()).append('\n');
		AtomicOutput.write(file, path -> Files.write(path, text.toString().getBytes(StandardCharsets.UTF_8)));
	}

	/** The row a finished scan kept in its folder, or null if the scan is not finished. */
	static ScanSummary finished(final File scanFolder) throws IOException {
		final File file = new File(scanFolder, FILE);
		if (!file.isFile()) return null;
		final List<String> lines = Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
		if (lines.size() != 2 || !HEADER.equals(lines.get(0))) return null;
		final List<String> fields = CsvFields.split(lines.get(1));
		if (fields.size() != 5) return null;
		try {
			return new ScanSummary(fields.get(0), Integer.parseInt(fields.get(1)), Double.parseDouble(fields.get(2)),
				fields.get(3).isEmpty() ? Double.NaN : Double.parseDouble(fields.get(3)), fields.get(4).isEmpty() ? null
					: fields.get(4));
		}
		catch (final NumberFormatException e) {
			return null;
		}
	}

	private static String field(final String text) {
		return CsvFields.quote(text.replace('\n', ' ').replace('\r', ' '));
	}
}
