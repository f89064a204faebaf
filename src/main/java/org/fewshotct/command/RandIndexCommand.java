package org.fewshotct.command;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;

import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.io.AtomicOutput;
import org.fewshotct.core.io.OutputPaths;
import org.fewshotct.core.metric.RandIndex;
import org.fewshotct.core.metric.StackRandIndex;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The challenge metric per slice: adjusted Rand index and Rand index on the pixels where truth > 0, in a
 * results table named "Rand Index"; the mean ARI goes to the log.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Rand Index")
public class RandIndexCommand extends SuiteCommand {

	public static final String TABLE = "Rand Index";

	@Parameter(label = "truth", description = "Ground-truth label stack", persist = false, autoFill = false)
	private ImagePlus truth;

	@Parameter(label = "prediction", description = "Predicted label stack", persist = false, autoFill = false)
	private ImagePlus prediction;

	@Parameter(label = "table_file", required = false, style = "save",
		description = "Optional CSV file for the table (tables are not shown headless)", persist = false)
	private File table_file;

	@Override
	protected void execute() {
		final boolean saved = table_file != null && !table_file.getPath().isEmpty();
		if (saved) OutputPaths.requireFile(table_file, OpenImages.all());
		final RandIndex.Score[] scores = StackRandIndex.score(truth, prediction, SliceParallel.defaultThreads(),
			new ImageJProgress(TABLE));
		final ResultsTable table = table(truth, scores);
		table.show(TABLE);
		if (saved) save(table, table_file);
		IJ.log(String.format("Rand Index: mean ARI %.6f over %d slices (%s vs %s)", StackRandIndex.meanAdjusted(
			scores), scores.length, prediction.getTitle(), truth.getTitle()));
	}

	static ResultsTable table(final ImagePlus truth, final RandIndex.Score[] scores) {
		final ResultsTable table = new ResultsTable();
		for (int s = 0; s < scores.length; s++) {
			table.incrementCounter();
			final String name = Stacks.sliceName(truth.getStack(), s + 1);
			table.addValue("Slice", name == null ? Integer.toString(s + 1) : name);
			table.addValue("ARI", scores[s].adjusted);
			table.addValue("RI", scores[s].rand);
			table.addValue("Truth structures", scores[s].truthStructures);
			table.addValue("Predicted structures", scores[s].predictedStructures);
		}
		table.setDecimalPlaces(table.getColumnIndex("ARI"), 6);
		table.setDecimalPlaces(table.getColumnIndex("RI"), 6);
		return table;
	}

	private static void save(final ResultsTable table, final File file) {
		try {
			AtomicOutput.write(file, path -> {
				if (!table.save(path.toString())) throw new java.io.IOException("ImageJ could not save the table");
			});
		}
		catch (final java.io.IOException e) {
			throw new UserInputException("Cannot write " + file + ": " + e.getMessage(), e);
		}
	}
}
