package org.fewshotct.command;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.compare.Comparison;
import org.fewshotct.core.compare.ComparisonMontage;
import org.fewshotct.core.compare.ComparisonPlot;
import org.fewshotct.core.compare.ComparisonReading;
import org.fewshotct.core.compare.ComparisonReport;
import org.fewshotct.core.compare.ComparisonTable;
import org.fewshotct.core.compare.MethodResult;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Runs the chosen methods on a CT stack and shows how they differ: a montage (one page per slice: CT, truth,
 * each method, and where each fails), a table of each method's ARI per slice with mean, median and worst and its
 * seconds per slice, and a plot. With {@code output=} it also writes them as PNG pages, CSV, PNG and one HTML
 * page. Keys are no suffix of one another, as ImageJ's macro options need.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Compare Methods")
public class CompareMethodsCommand extends SuiteCommand {

	public static final String TABLE = "Compare Methods";

	@Parameter(label = "ct", description = "CT stack to segment", persist = false, autoFill = false)
	private ImagePlus ct;

	@Parameter(label = "truth", required = false,
		description = "Optional truth label stack, to score the methods", persist = false, autoFill = false)
	private ImagePlus truth;

	@Parameter(label = "baseline", description = "Run the Sobel watershed baseline (default settings)", persist = false)
	private boolean baseline = true;

	@Parameter(label = "weka", required = false, style = "open",
		description = "Optional Weka model file (from Train Weka Few-Shot)", persist = false)
	private File weka;

	@Parameter(label = "unet", required = false, style = "directory",
		description = "Optional U-Net model folder (from Train U-Net)", persist = false)
	private File unet;

	@Parameter(label = "output", required = false, style = "directory",
		description = "Optional folder for the report (HTML, CSV, PNG)", persist = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus montage;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus plot;

	@Override
	protected void execute() {
		final boolean report = output != null && !output.getPath().isEmpty();
		Comparison.requireInputs(ct, truth);
		if (report) ComparisonReport.check(output, OpenImages.all());
		final int threads = SliceParallel.defaultThreads();
		final ImageJProgress progress = new ImageJProgress(TABLE);
		final List<StackSegmenter> methods = ComparedMethods.chosen(baseline, weka, unet, threads);
		final Comparison comparison;
		try {
			comparison = Comparison.run(ct, truth, methods, threads, progress);
		}
		finally {
			ComparedMethods.close(methods);
		}
		montage = ComparisonMontage.of(comparison);
		plot = ComparisonPlot.of(comparison);
		final ResultsTable table = ComparisonTable.of(comparison);
		table.show(TABLE);
		if (report) {
			try {
				ComparisonReport.write(output, comparison, montage, table, plot, threads, progress);
			}
			catch (final IOException e) {
				throw new UserInputException("Cannot write the report into " + output + ": " + e.getMessage(), e);
			}
		}
		for (final MethodResult method : comparison.methods)
			IJ.log(summary(comparison, method));
		IJ.log("Compare Methods: " + ComparisonReading.of(comparison));
		if (report) IJ.log("Compare Methods: report in " + new File(output, ComparisonReport.HTML));
	}

	private static String summary(final Comparison comparison, final MethodResult method) {
		final String time = String.format(Locale.ROOT, "%.3f s per slice", method.secondsPerSlice);
		if (!comparison.hasTruth()) return "Compare Methods: " + method.name + " " + time;
		return String.format(Locale.ROOT, "Compare Methods: %s mean ARI %.6f over %d slices, %s", method.name,
			ComparisonTable.summarise(method.adjusted(), ComparisonTable.MEAN), comparison.slices(), time);
	}
}
