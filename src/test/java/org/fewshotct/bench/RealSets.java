package org.fewshotct.bench;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.StackSegmenter;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.io.SliceFolderReader;
import org.fewshotct.core.label.ConnectedComponents;
import org.fewshotct.core.label.Connectivity;
import org.fewshotct.core.metric.StackRandIndex;
import org.fewshotct.core.view.SegmentationErrors;

/** The real sets of the quality benchmarks: reading, picking slices, and scoring a method on them. */
public final class RealSets {

	private RealSets() {}

	/** {CT, labels} of a set folder (images/, labels/); with a third entry for semantic/ when asked. */
	public static ImagePlus[] read(final File set, final boolean semantic) {
		final ImagePlus ct = SliceFolderReader.read(new File(set, "images"), Progress.NONE);
		final ImagePlus labels = SliceFolderReader.read(new File(set, "labels"), Progress.NONE);
		return semantic ? new ImagePlus[] { ct, labels, SliceFolderReader.read(new File(set, "semantic"),
			Progress.NONE) } : new ImagePlus[] { ct, labels };
	}

	/** {CT, labels} of a set folder, with its semantic map as a third entry where it has a semantic/ folder. */
	static ImagePlus[] readSet(final File set) {
		return read(set, new File(set, "semantic").isDirectory());
	}

	/**
	 * The set folder of a patient that this data lacks, for the other-patient targets: {@code PATIENT} in
	 * the environment, a folder laid out as ircadb1's (images/, labels/, semantic/ optional).
	 */
	static File otherPatient() {
		final String folder = System.getenv("PATIENT");
		if (folder == null || folder.isEmpty()) throw new IllegalArgumentException(
			"the experiments on another patient need PATIENT=<set folder with images/ and labels/>");
		final File set = new File(folder);
		if (!new File(set, "images").isDirectory() || !new File(set, "labels").isDirectory())
			throw new IllegalArgumentException("PATIENT=" + folder + " has no images/ and labels/ folders");
		return set;
	}

	/** A robustness experiment: labelled slices to train on, and other slices to score on. */
	interface Experiment {

		void run(String trainName, ImagePlus[] train, String testName, ImagePlus[] test);
	}

	/**
	 * Runs the named experiments of issue 12 in order: {@code same-scan} (ts_dicom_train 0-4 -> 5-9),
	 * {@code ts-ircadb1} (ts_dicom_train -> ircadb1), {@code ts-example} (ts_dicom_train -> ts_example_ct),
	 * {@code ircadb1} (ircadb1 000, 003, ..., 030 -> its other 22); and for the patient not at hand (another
	 * patient of ircadb1's hospital), the same 11 slices -> the other 22 as a scan with coarser pixels would show
	 * them ({@code ircadb1-shrunk}, {@link #shrunk}), and -> other patients scored on the organs both protocols
	 * draw alike ({@link #organsOnly}): {@code ircadb1-ts-organs} (-> ts_dicom_train), {@code
	 * ircadb1-example-organs} (-> ts_example_ct), and ts_dicom_train -> ircadb1 so scored ({@code
	 * ts-ircadb1-organs}), and the same 11 slices -> a TotalSegmentator set drawn as IRCAD draws a patient
	 * ({@link #asIrcadProtocol}): {@code ircadb1-example-ircad} (ts_example_ct: non-contrast, 3 mm, pelvis to lung
	 * bases) and {@code ircadb1-ts-ircad} (ts_dicom_train: contrast, upper abdomen, as IRCAD's scans). For that patient itself, where a copy is at hand ({@code PATIENT}, {@link #otherPatient}):
	 * {@code ircadb1-patient} (ircadb1's 11 slices -> it) and {@code ts-patient} (ts_dicom_train -> it). The stacks
	 * hold {CT, labels, semantic}, so that {@link #score} says where a method loses.
	 */
	static void runExperiments(final File data, final List<String> names, final Experiment experiment) {
		final ImagePlus[] dicom = read(new File(data, "ts_dicom_train"), true);
		final ImagePlus[] ircadb1 = read(new File(data, "ircadb1"), true);
		final int n = ircadb1[0].getStackSize();
		final ImagePlus[] ircadb1EveryThird = subset(ircadb1, every(n, 3, false));
		final ImagePlus[] ircadb1Rest = subset(ircadb1, every(n, 3, true));
		for (final String name : names) {
			switch (name) {
				case "same-scan":
					experiment.run("ts_dicom_train 0-4", subset(dicom, range(0, 5)), "ts_dicom_train 5-9", subset(dicom,
						range(5, 10)));
					break;
				case "ts-ircadb1":
					experiment.run("ts_dicom_train", dicom, "ircadb1 (all)", ircadb1);
					break;
				case "ts-example":
					experiment.run("ts_dicom_train", dicom, "ts_example_ct (all)", read(new File(data, "ts_example_ct"),
						true));
					break;
				case "ircadb1":
					experiment.run("ircadb1 every 3rd", ircadb1EveryThird, "ircadb1 other 22", ircadb1Rest);
					break;
				case "ircadb1-shrunk":
					experiment.run("ircadb1 every 3rd", ircadb1EveryThird, "ircadb1 other 22 at 0.73x", shrunk(ircadb1Rest,
						IRCADB1_TO_COARSER_PIXELS));
					break;
				case "ircadb1-ts-organs":
					experiment.run("ircadb1 every 3rd", ircadb1EveryThird, "ts_dicom_train organs",
						organsOnly(dicom, TOTALSEGMENTATOR_ORGANS));
					break;
				case "ircadb1-example-organs":
					experiment.run("ircadb1 every 3rd", ircadb1EveryThird, "ts_example_ct organs",
						organsOnly(read(new File(data, "ts_example_ct"), true), TOTALSEGMENTATOR_ORGANS));
					break;
				case "ircadb1-example-ircad":
					experiment.run("ircadb1 every 3rd", ircadb1EveryThird, "ts_example_ct as IRCAD", asIrcadProtocol(read(
						new File(data, "ts_example_ct"), true)));
					break;
				case "ircadb1-ts-ircad":
					experiment.run("ircadb1 every 3rd", ircadb1EveryThird, "ts_dicom_train as IRCAD", asIrcadProtocol(dicom));
					break;
				case "ts-ircadb1-organs":
					experiment.run("ts_dicom_train", dicom, "ircadb1 organs", organsOnly(ircadb1, IRCAD_ORGANS));
					break;
				case "ircadb1-patient":
					experiment.run("ircadb1 every 3rd", ircadb1EveryThird, otherPatient().getName(), readSet(otherPatient()));
					break;
				case "ts-patient":
					experiment.run("ts_dicom_train", dicom, otherPatient().getName(), readSet(otherPatient()));
					break;
				default:
					throw new IllegalArgumentException("unknown experiment " + name);
			}
		}
	}

	/**
	 * ircadb1's pixels are 0.57 mm, the finest of the sets here (ts_example_ct 0.71 mm, ts_dicom_train 0.98 mm): a
	 * patient scanned with 0.78 mm pixels shows the same anatomy 0.73 times as large.
	 */
	static final double IRCADB1_TO_COARSER_PIXELS = 0.57 / 0.78;

	/**
	 * {CT, labels, semantic} resized by {@code scale} about the slice centre on canvases of the same size, as the
	 * same patient would look with pixels 1 / scale times as large: the CT averaged and bilinear, outside it the
	 * slice's own corner value (outside the scanner's field of view); labels and classes nearest neighbour, 0
	 * outside.
	 */
	static ImagePlus[] shrunk(final ImagePlus[] set, final double scale) {
		final ImagePlus[] out = new ImagePlus[set.length];
		for (int k = 0; k < set.length; k++) {
			final ImageStack source = set[k].getStack();
			final int width = source.getWidth(), height = source.getHeight();
			final int scaledWidth = (int) Math.round(width * scale), scaledHeight = (int) Math.round(height * scale);
			final ImageStack stack = new ImageStack(width, height);
			final boolean ct = k == 0;
			for (int s = 1; s <= source.getSize(); s++) {
				final ImageProcessor slice = source.getProcessor(s).duplicate();
				final ImageProcessor canvas = slice.createProcessor(width, height);
				slice.setInterpolationMethod(ct ? ImageProcessor.BILINEAR : ImageProcessor.NONE);
				if (ct) {
					canvas.setValue(slice.getPixelValue(0, 0));
					canvas.fill();
				}
				canvas.insert(slice.resize(scaledWidth, scaledHeight, ct), (width - scaledWidth) / 2, (height -
					scaledHeight) / 2);
				stack.addSlice(source.getSliceLabel(s), canvas);
			}
			out[k] = new ImagePlus(set[k].getTitle(), stack);
		}
		return out;
	}

	/** Liver, spleen and kidneys in TotalSegmentator's class ids (ts_example_ct/stats.txt). */
	static final Set<Integer> TOTALSEGMENTATOR_ORGANS = Set.of(1, 2, 3, 5);
	/** Liver, kidneys and spleen in ircadb1's class ids (ircadb1/README.md; tumours and vessels are their own). */
	static final Set<Integer> IRCAD_ORGANS = Set.of(1, 9, 10, 12);

	/**
	 * {CT, labels, semantic} of the slices that show one of {@code organs} (semantic class ids), the labels kept on
	 * those classes only. The liver, spleen and kidneys are drawn alike by TotalSegmentator and by IRCAD's experts
	 * (one instance per organ and component), where lungs (lobes or whole), bone (per bone or one class) and the
	 * vessels are not; so a model trained on one protocol can be scored on another patient of the other without
	 * scoring the protocol.
	 */
	static ImagePlus[] organsOnly(final ImagePlus[] set, final Set<Integer> organs) {
		final ImagePlus labels = labelsWhere(set[1], set[2], organs::contains, set[1].getTitle());
		final int[] showing = IntStream.range(0, labels.getStackSize()).filter(s -> labels.getStack().getProcessor(
			s + 1).getStats().max > 0).toArray();
		return subset(new ImagePlus[] { set[0], labels, set[2] }, showing);
	}

	/**
	 * {CT, labels, semantic} of a TotalSegmentator set drawn as IRCAD's experts draw a patient (ircadb1/README.md):
	 * the liver, spleen, each kidney, each lung (its lobes joined), the portal vein, the venous system (the inferior
	 * vena cava and iliac veins), the arteries (aorta and iliac arteries), the gallbladder, and bone as one class;
	 * every 8-connected component of a class one instance, components under 20 pixels dropped, as the challenge's
	 * labels are made; muscles, bowel and the rest unannotated. The slices that show any of it. Bone's components
	 * are taken bone by bone (TotalSegmentator's classes): IRCAD's one bone mask follows the bone's density, so the
	 * joint spaces part it, and ircadb1's own labels show the sacrum apart from each ilium and every rib apart
	 * from its vertebra, where TotalSegmentator's labels of neighbouring bones touch across the joint.
	 */
	static ImagePlus[] asIrcadProtocol(final ImagePlus[] set) {
		final int width = set[0].getWidth(), height = set[0].getHeight();
		final ImageStack labels = new ImageStack(width, height);
		final ImageStack classes = new ImageStack(width, height);
		for (int s = 1; s <= set[2].getStackSize(); s++) {
			final int[] totalSegmentator = Stacks.labelValues(set[2].getStack().getProcessor(s));
			final short[] ircad = new short[totalSegmentator.length];
			final short[] parts = new short[totalSegmentator.length];
			for (int i = 0; i < ircad.length; i++) {
				ircad[i] = (short) IRCAD_CLASS_OF_TOTALSEGMENTATOR.getOrDefault(totalSegmentator[i], 0).intValue();
				parts[i] = ircad[i] == IRCAD_BONE ? (short) (IRCAD_BONE_PARTS + totalSegmentator[i]) : ircad[i];
			}
			final int[] instances = new int[ircad.length];
			final int count = ConnectedComponents.labelRegions(parts, width, height, Connectivity.EIGHT, instances);
			ConnectedComponents.removeSmall(instances, count, 20);
			labels.addSlice(set[1].getStack().getSliceLabel(s), Stacks.labelSlice(instances, width, height));
			final int[] ircadInts = new int[ircad.length];
			for (int i = 0; i < ircad.length; i++)
				ircadInts[i] = ircad[i];
			classes.addSlice(set[2].getStack().getSliceLabel(s), Stacks.labelSlice(ircadInts, width, height));
		}
		final ImagePlus[] drawn = { set[0], new ImagePlus(set[1].getTitle() + " as IRCAD", labels), new ImagePlus(set[2]
			.getTitle() + " as IRCAD", classes) };
		return subset(drawn, IntStream.range(0, labels.getSize()).filter(s -> labels.getProcessor(s + 1).getStats().max >
			0).toArray());
	}

	private static final int IRCAD_BONE = 7;
	/** Above every IRCAD class id: the bones' components are labelled apart, one TotalSegmentator bone each. */
	private static final int IRCAD_BONE_PARTS = 1000;

	/** TotalSegmentator's class ids (ts_example_ct/stats.txt) to ircadb1's (ircadb1/README.md); 8 the gallbladder. */
	static final Map<Integer, Integer> IRCAD_CLASS_OF_TOTALSEGMENTATOR = ircadClasses();

	private static Map<Integer, Integer> ircadClasses() {
		final Map<Integer, Integer> ircad = new TreeMap<>();
		ircad.put(5, 1); // liver
		ircad.put(64, 4); // portal vein
		for (final int vein : new int[] { 63, 67, 68 })
			ircad.put(vein, 5); // venous system
		for (final int artery : new int[] { 52, 65, 66 })
			ircad.put(artery, 6);
		for (int bone = 25; bone <= 50; bone++)
			ircad.put(bone, IRCAD_BONE); // sacrum and vertebrae
		for (int bone = 69; bone <= 78; bone++)
			ircad.put(bone, IRCAD_BONE); // humeri, scapulae, claviculae, femurs, hips
		for (int bone = 91; bone <= 116; bone++)
			ircad.put(bone, IRCAD_BONE); // skull, ribs, sternum
		ircad.put(4, 8); // gallbladder
		ircad.put(3, 9); // left kidney
		ircad.put(2, 10); // right kidney
		ircad.put(1, 12); // spleen
		ircad.put(10, 14); // left lung: upper and lower lobes
		ircad.put(11, 14);
		for (int lobe = 12; lobe <= 14; lobe++)
			ircad.put(lobe, 15); // right lung
		return ircad;
	}

	/** {@code labels} where the semantic class passes {@code keep}, 0 (unannotated) elsewhere. */
	static ImagePlus labelsWhere(final ImagePlus labels, final ImagePlus semantic, final IntPredicate keep,
		final String title)
	{
		final ImageStack kept = new ImageStack(labels.getWidth(), labels.getHeight());
		for (int s = 1; s <= labels.getStackSize(); s++) {
			final int[] ids = Stacks.labelValues(labels.getStack().getProcessor(s));
			final int[] classes = Stacks.labelValues(semantic.getStack().getProcessor(s));
			for (int i = 0; i < ids.length; i++)
				if (!keep.test(classes[i])) ids[i] = 0;
			kept.addSlice(labels.getStack().getSliceLabel(s), Stacks.labelSlice(ids, labels.getWidth(), labels
				.getHeight()));
		}
		return new ImagePlus(title, kept);
	}

	public static int[] range(final int from, final int to) {
		final int[] slices = new int[to - from];
		for (int i = 0; i < slices.length; i++)
			slices[i] = from + i;
		return slices;
	}

	/** Slices 0, step, 2 step... of n; with {@code rest}, the others. */
	public static int[] every(final int n, final int step, final boolean rest) {
		final int count = rest ? n - (n + step - 1) / step : (n + step - 1) / step;
		final int[] slices = new int[count];
		for (int i = 0, k = 0; i < n; i++)
			if ((i % step == 0) != rest) slices[k++] = i;
		return slices;
	}

	/** The same slices of each stack (0-based), labels kept. */
	public static ImagePlus[] subset(final ImagePlus[] stacks, final int[] slices) {
		final ImagePlus[] out = new ImagePlus[stacks.length];
		for (int k = 0; k < stacks.length; k++) {
			final ImageStack source = stacks[k].getStack();
			final ImageStack stack = new ImageStack(source.getWidth(), source.getHeight());
			for (final int s : slices)
				stack.addSlice(source.getSliceLabel(s + 1), source.getPixels(s + 1));
			out[k] = new ImagePlus(stacks[k].getTitle(), stack);
		}
		return out;
	}

	/** The mean ARI of a method on {CT, labels}, printed with its time. */
	static double score(final StackSegmenter segmenter, final ImagePlus[] stacks, final String name) {
		final long t0 = System.nanoTime();
		final ImagePlus prediction = segmenter.segment(stacks[0], Progress.NONE);
		final double seconds = seconds(t0);
		final double mean = StackRandIndex.meanAdjusted(StackRandIndex.score(stacks[1], prediction, SliceParallel
			.defaultThreads(), Progress.NONE));
		System.out.printf("%s on %s: mean ARI %.4f over %d slices (segmented in %.1f s, %.2f slices/s)%n", segmenter
			.name(), name, mean, stacks[0].getStackSize(), seconds, stacks[0].getStackSize() / seconds);
		if (stacks.length > 2) System.out.println("  where it loses (semantic class: % of its pixels merged / split, " +
			"most lost first): " + worstClasses(stacks[1], stacks[2], prediction));
		return mean;
	}

	private static final int WORST_CLASSES = 8;

	/**
	 * The {@link #WORST_CLASSES} classes of the set's semantic map (ids as its README.md or stats.txt names them)
	 * with the most structure pixels merged into another structure or split off their own
	 * ({@link SegmentationErrors}), each as "id: merged/split" in percent of its pixels.
	 */
	private static String worstClasses(final ImagePlus labels, final ImagePlus semantic, final ImagePlus prediction) {
		// per class, pixel counts indexed by SegmentationErrors' codes, as SegmentationErrors.count gives them
		final Map<Integer, long[]> perClass = new TreeMap<>();
		for (int s = 1; s <= labels.getStackSize(); s++) {
			final int[] classes = Stacks.labelValues(semantic.getStack().getProcessor(s));
			final byte[] errors = SegmentationErrors.classify(Stacks.labelValues(labels.getStack().getProcessor(s)),
				Stacks.labelValues(prediction.getStack().getProcessor(s)));
			for (int i = 0; i < errors.length; i++)
				if (errors[i] != SegmentationErrors.OUTSIDE) perClass.computeIfAbsent(classes[i],
					c -> new long[SegmentationErrors.SPLIT + 1])[errors[i]]++;
		}
		final StringBuilder line = new StringBuilder();
		perClass.entrySet().stream().sorted((a, b) -> Long.compare(lost(b.getValue()), lost(a.getValue()))).limit(
			WORST_CLASSES).forEach(e -> line.append(String.format(Locale.ROOT, "%s%d: %.0f/%.0f", line.length() > 0 ? ", "
				: "", e.getKey(), percent(e.getValue(), SegmentationErrors.MERGED), percent(e.getValue(),
					SegmentationErrors.SPLIT))));
		return line.toString();
	}

	private static long lost(final long[] counts) {
		return counts[SegmentationErrors.MERGED] + counts[SegmentationErrors.SPLIT];
	}

	/** The share of the class's structure pixels classified {@code error}, in percent. */
	private static double percent(final long[] counts, final byte error) {
		return 100.0 * counts[error] / (counts[SegmentationErrors.CORRECT] + lost(counts));
	}

	static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
