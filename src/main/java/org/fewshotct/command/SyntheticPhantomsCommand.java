package org.fewshotct.command;

import ij.ImagePlus;

import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * A seeded synthetic CT stack ({@code phantom-ct}, 16-bit HU + 1024) with its instance labels
 * ({@code phantom-labels}): the same settings always give the same pixels.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Few-Shot CT>Synthetic CT Phantoms")
public class SyntheticPhantomsCommand extends SuiteCommand {

	@Parameter(label = "slices", min = "1", description = "Number of slices, pelvis to lung bases", persist = false)
	private int slices = 10;

	@Parameter(label = "seed", description = "Seed of every random choice: the patient and each slice", persist = false)
	private long seed = 1;

	@Parameter(label = "size", min = "32", description = "Width and height of the slices in pixels", persist = false)
	private int size = 512;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus labels;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus ct;

	@Override
	protected void execute() {
		final PhantomStacks stacks = new PhantomGenerator(new PhantomSettings(slices, seed, size)).stacks(SliceParallel
			.defaultThreads(), new ImageJProgress("Synthetic CT Phantoms"));
		labels = stacks.labels();
		ct = stacks.ct();
	}
}
