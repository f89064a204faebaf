package org.fewshotct.bench;

import ij.ImagePlus;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.baseline.BaselineSegmenter;
import org.fewshotct.core.baseline.BaselineSettings;
import org.fewshotct.core.unet.UNetSegmenter;
import org.fewshotct.core.unet.UNetSettings;
import org.fewshotct.core.unet.UNetTrainer;
import org.fewshotct.core.weka.WekaSegmenter;
import org.fewshotct.core.weka.WekaSettings;
import org.fewshotct.core.weka.WekaTrainer;

/**
 * Structures the training masks never showed (issue 12): trains on ircadb1 000, 003, ..., 030 with the liver
 * tumours erased from the masks (semantic ids 2, 3, 22-26, see ircadb1/README.md), and counts on the other 22
 * slices the tumours each method finds: a tumour instance is found when one predicted instance covers at least
 * half of it and is at least half tumour. U-Net supervised and with the 22 slices as unlabelled= (same seed),
 * Weka, baseline. Usage: UnseenStructuresBench DATA_ROOT OUT_DIR [EPOCHS]
 */
public final class UnseenStructuresBench {

	private static final Set<Integer> TUMOURS = Set.of(2, 3, 22, 23, 24, 25, 26);

	private UnseenStructuresBench() {}

	public static void main(final String[] args) {
		final File out = new File(args[1]);
		final UNetSettings settings = args.length > 2 ? UNetSettings.DEFAULT.withEpochs(Integer.parseInt(args[2]))
			: UNetSettings.DEFAULT;
		final ImagePlus[] ircadb1 = RealSets.read(new File(args[0], "ircadb1"), true);
		final int n = ircadb1[0].getStackSize();
		final ImagePlus[] train = RealSets.subset(ircadb1, RealSets.every(n, 3, false));
		final ImagePlus[] test = RealSets.subset(ircadb1, RealSets.every(n, 3, true));
		// every tumour pixel set to 0 (unannotated), as masks that never showed a tumour
		final ImagePlus erased = RealSets.labelsWhere(train[1], train[2], c -> !TUMOURS.contains(c), train[1]
			.getTitle() + "-no-tumours");
		final StringBuilder table = new StringBuilder();
		for (final String variant : new String[] { "unet", "unet+u" }) {
			final File model = new File(out, "no-tumours-" + variant);
			final long t0 = System.nanoTime();
			new UNetTrainer(settings).train(train[0], erased, variant.endsWith("+u") ? test[0] : null, model,
				Progress.NONE, new UNetTrainer.Listener() {

					@Override
					public void message(final String text) {
						System.out.println(text);
					}
				});
			System.out.printf("%s trained in %.0f s%n", variant, RealSets.seconds(t0));
			try (UNetSegmenter unet = UNetSegmenter.load(model)) {
				table.append(row(variant, unet, test));
			}
		}
		table.append(row("weka", new WekaSegmenter(new WekaTrainer(WekaSettings.DEFAULT).train(train[0], erased,
			Progress.NONE)), test));
		table.append(row("baseline", new BaselineSegmenter(BaselineSettings.DEFAULT, SliceParallel.defaultThreads()),
			test));
		System.out.printf("%n== tumours erased from the training masks (ircadb1 every 3rd, %d epochs), scored on the " +
			"other 22 slices%n%-10s %14s %10s%n%s", settings.epochs(), "method", "tumours found", "mean ARI", table);
	}

	private static String row(final String name, final StackSegmenter method, final ImagePlus[] test) {
		final ImagePlus prediction = method.segment(test[0], Progress.NONE);
		int found = 0;
		int tumours = 0;
		for (int s = 1; s <= test[0].getStackSize(); s++) {
			final int[] truth = Stacks.labelValues(test[1].getStack().getProcessor(s));
			final int[] semantic = Stacks.labelValues(test[2].getStack().getProcessor(s));
			final int[] predicted = Stacks.labelValues(prediction.getStack().getProcessor(s));
			final int[] counts = found(truth, semantic, predicted);
			found += counts[0];
			tumours += counts[1];
		}
		return String.format("%-10s %8d of %3d %10.4f%n", name, found, tumours, RealSets.score(method, test, name));
	}

	/** {found, tumour instances} on one slice. */
	private static int[] found(final int[] truth, final int[] semantic, final int[] predicted) {
		final Map<Integer, Integer> truthArea = new HashMap<>();
		final Map<Integer, Integer> tumourPixels = new HashMap<>();
		final Map<Integer, Integer> predictedArea = new HashMap<>();
		final Map<Long, Integer> overlap = new HashMap<>();
		for (int i = 0; i < truth.length; i++) {
			predictedArea.merge(predicted[i], 1, Integer::sum);
			if (truth[i] == 0) continue;
			truthArea.merge(truth[i], 1, Integer::sum);
			if (TUMOURS.contains(semantic[i])) tumourPixels.merge(truth[i], 1, Integer::sum);
			if (predicted[i] != 0) overlap.merge((long) truth[i] << 32 | predicted[i], 1, Integer::sum);
		}
		int found = 0;
		int tumours = 0;
		for (final Map.Entry<Integer, Integer> t : truthArea.entrySet()) {
			if (2 * tumourPixels.getOrDefault(t.getKey(), 0) < t.getValue()) continue;
			tumours++;
			for (final Map.Entry<Long, Integer> o : overlap.entrySet()) {
				if ((int) (o.getKey() >>> 32) != t.getKey()) continue;
				final int p = (int) (long) o.getKey();
				if (2 * o.getValue() >= t.getValue() && 2 * o.getValue() >= predictedArea.get(p)) {
					found++;
					break;
				}
			}
		}
		return new int[] { found, tumours };
	}
}
