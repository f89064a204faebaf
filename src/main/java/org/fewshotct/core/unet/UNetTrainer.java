package org.fewshotct.core.unet;

import ij.ImagePlus;
import ij.ImageStack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.InstanceTargets;

/**
 * Trains a U-Net on labelled CT slices into a model folder ({@link UNetModel}). Slices whose labels are all
 * 0 carry nothing to learn and are left out; a fraction of the others (spread evenly through the stack) is
 * held out for the validation loss. Each epoch trains on augmented random tiles (as many as cover the
 * training slices once), then measures the validation loss on the held-out slices and checkpoints, so a
 * cancelled or extended training resumes where it stopped when run again with the same inputs and settings.
 */
public final class UNetTrainer {

	/** What a training reports besides progress. */
	public interface Listener {

		Listener NONE = new Listener() {};

		/** A line for the log: the device, resuming, the end. */
		default void message(final String text) {}

		/** An epoch finished; the history holds every epoch so far. */
		default void epoch(final int epoch, final int epochs, final LossHistory history) {}
	}

	/** What a finished training produced. */
	public static final class Result {

		public final UNetModel model;
		public final LossHistory history;
		public final String device;
		/** Epochs trained in this run (0 when the model was already trained that far). */
		public final int epochsRun;
		/** Tiles trained on in this run, and the seconds spent in training steps. */
		public final long tiles;
		public final double trainingSeconds;

		Result(final UNetModel model, final LossHistory history, final String device, final int epochsRun,
			final long tiles, final double trainingSeconds)
		{
			this.model = model;
			this.history = history;
			this.device = device;
			this.epochsRun = epochsRun;
			this.tiles = tiles;
			this.trainingSeconds = trainingSeconds;
		}
	}

	private final UNetSettings settings;
	private final int threads;
	private final IntensityWindow window;

	public UNetTrainer(final UNetSettings settings) {
		this(settings, SliceParallel.defaultThreads(), null);
	}

	private UNetTrainer(final UNetSettings settings, final int threads, final IntensityWindow window) {
		this.settings = settings;
		this.threads = threads;
		this.window = window;
	}

	/** TensorFlow's CPU threads (on a GPU it decides itself). */
	public UNetTrainer withThreads(final int value) {
		return new UNetTrainer(settings, value, window);
	}

	/** The intensity window; by default {@link IntensityWindow#defaultFor(int)} of the CT's bit depth. */
	public UNetTrainer withWindow(final IntensityWindow value) {
		return new UNetTrainer(settings, threads, value);
	}

	public UNetSettings settings() {
		return settings;
	}

	public Result train(final ImagePlus ct, final ImagePlus labels, final File folder, final Progress progress,
		final Listener listener)
	{
		Stacks.requireCt(ct, "CT");
		Stacks.requireLabels(labels, "labels");
		Stacks.requireSameShape(ct, "CT", labels, "labels");
		final IntensityWindow usedWindow = window != null ? window : IntensityWindow.defaultFor(ct.getBitDepth());
		final List<LabelledSlice> labelled = labelledSlices(ct, labels);
		final List<LabelledSlice> validation = new ArrayList<>();
		final List<LabelledSlice> training = new ArrayList<>();
		split(labelled, training, validation);
		prepareFolder(folder);
		final File checkpoints = new File(folder, UNetModel.CHECKPOINT);
		final String fingerprint = fingerprint(training, validation, usedWindow, ct.getBitDepth());
		final TrainingState previous = TrainingState.read(checkpoints);
		final boolean resume = previous != null && previous.fingerprint.equals(fingerprint) && previous.epochs <=
			settings.epochs();
		if (resume && previous.epochs == settings.epochs() && new File(folder, UNetModel.SETTINGS).isFile()) {
			listener.message("U-Net: " + folder + " is already trained for " + previous.epochs + " epochs with these " +
				"inputs and settings; nothing to do");
			return new Result(UNetModel.read(folder), previous.history, "", 0, 0, 0);
		}

		final UNetBackend backend = IsolatedTensorFlow.backend();
		if (IsolatedTensorFlow.fallback() != null) listener.message("U-Net: " + IsolatedTensorFlow.fallback());
		final float[] contrast = contrastWindow(usedWindow, ct.getBitDepth());
		try (TrainableUNet net = backend.create(settings.depth(), settings.width(), InstanceTargets.CLASS_COUNT,
			(float) settings.learningRate(), settings.seed(), threads, contrast[0], contrast[1]))
		{
			listener.message("U-Net: training on " + net.device() + ": " + training.size() + " slices, " + validation
				.size() + " for validation; depth " + settings.depth() + ", width " + settings.width() + ", tile " +
				settings.tile() + ", batch " + settings.batch());
			final LossHistory history = resume ? previous.history : new LossHistory();
			if (resume) {
				net.restoreCheckpoint(previous.prefixFile(checkpoints));
				listener.message("U-Net: resuming after epoch " + previous.epochs + " of " + settings.epochs());
			}
			final float[] weights = { (float) settings.backgroundWeight(), 1, (float) settings.boundaryWeight() };
			final Loop loop = new Loop(net, new TileSampler(training, usedWindow, settings.tile(), settings
				.boundaryWidth(), settings.augment(), weights), new TileSampler(validation, usedWindow, settings.tile(),
					settings.boundaryWidth(), false, weights), validation, stepsPerEpoch(training));
			final int first = history.epochs();
			for (int epoch = first; epoch < settings.epochs(); epoch++) {
				final double trainingLoss = loop.epoch(epoch, progress);
				history.add(trainingLoss, loop.validationLoss());
				checkpoint(net, checkpoints, new TrainingState(fingerprint, epoch + 1, "epoch-" + (epoch + 1), history));
				listener.epoch(epoch + 1, settings.epochs(), history);
				progress.status(String.format("epoch %d/%d, loss %.4f", epoch + 1, settings.epochs(), trainingLoss));
			}
			UNetSettings trained = settings;
			if (!validation.isEmpty()) {
				final DecoderTuning tuning = DecoderTuning.tune(net, validation, usedWindow, settings.depth(), settings
					.batch(), threads, settings.decoder());
				listener.message("U-Net: " + tuning.report);
				trained = settings.withDecoder(tuning.best);
			}
			final UNetModel model = new UNetModel(folder, trained, usedWindow, ct.getBitDepth(), settings.epochs(),
				info(net.device(), ct, labels, training.size(), validation.size()));
			model.put("contrast_window", contrast[0] + "," + contrast[1]);
			export(net, model);
			history.save(new File(folder, UNetModel.LOSS_PLOT), new File(folder, UNetModel.LOSS_TABLE));
			return new Result(model, history, net.device(), settings.epochs() - first, loop.tiles, loop.seconds);
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot write the U-Net model " + folder + ": " + e.getMessage(), e);
		}
	}

	/** Runs the epochs: sampling batches, training steps, and the validation loss. */
	private final class Loop {

		final TrainableUNet net;
		final TileSampler sampler;
		final TileSampler validationSampler;
		final List<LabelledSlice> validation;
		final int steps;
		final TileSampler.Batch batch = new TileSampler.Batch(settings.batch(), settings.tile());
		long tiles;
		double seconds;

		Loop(final TrainableUNet net, final TileSampler sampler, final TileSampler validationSampler,
			final List<LabelledSlice> validation, final int steps)
		{
			this.net = net;
			this.sampler = sampler;
			this.validationSampler = validationSampler;
			this.validation = validation;
			this.steps = steps;
		}

		double epoch(final int epoch, final Progress progress) {
			double sum = 0;
			for (int s = 0; s < steps; s++) {
				progress.checkCancelled();
				sampler.sample(mix(settings.seed(), (long) epoch * steps + s), batch);
				final long t0 = System.nanoTime();
				sum += net.trainStep(batch.images, batch.classes, batch.weights, batch.size, batch.tile, batch.tile);
				seconds += (System.nanoTime() - t0) / 1e9;
				tiles += batch.size;
				progress.report(epoch * steps + s + 1, settings.epochs() * steps);
			}
			return sum / steps;
		}

		/** The mean loss over every weighted pixel of the validation slices; NaN without validation slices. */
		double validationLoss() {
			if (validation.isEmpty()) return Double.NaN;
			final double[] sums = new double[2];
			int filled = 0;
			for (final LabelledSlice slice : validation) {
				for (int t = 0; t < validationSampler.cropCount(slice); t++) {
					validationSampler.crop(slice, t, batch, filled++);
					if (filled == batch.size) {
						addLoss(sums);
						filled = 0;
					}
				}
			}
			if (filled > 0) {
				for (int b = filled; b < batch.size; b++)
					TileSampler.clear(batch, b);
				addLoss(sums);
			}
			return sums[1] > 0 ? sums[0] / sums[1] : Double.NaN;
		}

		/** Adds the batch's weighted loss and its weight to {@code sums}. */
		private void addLoss(final double[] sums) {
			double weight = 0;
			for (final float w : batch.weights)
				weight += w;
			sums[0] += weight * net.loss(batch.images, batch.classes, batch.weights, batch.size, batch.tile, batch.tile);
			sums[1] += weight;
		}
	}

	/** Tiles per epoch: as many as cover the training slices once, in whole batches. */
	private int stepsPerEpoch(final List<LabelledSlice> training) {
		double pixels = 0;
		for (final LabelledSlice slice : training)
			pixels += (double) slice.width * slice.height;
		return Math.max(1, (int) Math.round(pixels / ((double) settings.tile() * settings.tile() * settings.batch())));
	}

	private List<LabelledSlice> labelledSlices(final ImagePlus ct, final ImagePlus labels) {
		final ImageStack ctStack = ct.getStack();
		final ImageStack labelStack = labels.getStack();
		final List<LabelledSlice> slices = new ArrayList<>();
		for (int s = 1; s <= ctStack.getSize(); s++) {
			final int[] values = Stacks.labelValues(labelStack.getProcessor(s));
			boolean any = false;
			for (final int v : values)
				any |= v != 0;
			if (!any) continue;
			final float[] raw = new float[values.length];
			final ij.process.ImageProcessor ip = ctStack.getProcessor(s);
			for (int i = 0; i < raw.length; i++)
				raw[i] = ip.getf(i);
			slices.add(new LabelledSlice(raw, values, ct.getWidth(), ct.getHeight()));
		}
		if (slices.isEmpty()) throw new UserInputException("The labels '" + labels.getTitle() +
			"' hold no structure (every slice is all 0): there is nothing to learn");
		return slices;
	}

	/** Holds out round(n * validation) slices (at least one, at most n - 1), spread evenly through the stack. */
	private void split(final List<LabelledSlice> all, final List<LabelledSlice> training,
		final List<LabelledSlice> validation)
	{
		final int n = all.size();
		final int held = settings.validation() <= 0 || n < 2 ? 0 : Math.min(n - 1, Math.max(1, (int) Math.round(n *
			settings.validation())));
		final boolean[] isHeld = new boolean[n];
		for (int k = 0; k < held; k++)
			isHeld[(int) ((k + 0.5) * n / held)] = true;
		for (int i = 0; i < n; i++)
			(isHeld[i] ? validation : training).add(all.get(i));
	}

	/** Refuses a file or a folder with other content: training writes the model folder and may replace it. */
	private static void prepareFolder(final File folder) {
		if (folder.isFile()) throw new UserInputException("The U-Net model path " + folder +
			" is a file; give a folder (it is created if missing)");
		final String[] content = folder.list();
		if (content != null && content.length > 0 && !new File(folder, UNetModel.SETTINGS).isFile() && !new File(folder,
			UNetModel.CHECKPOINT).isDirectory())
			throw new UserInputException("The U-Net model folder " + folder + " already holds other files; give a new " +
				"folder or an earlier U-Net model");
		if (!folder.isDirectory() && !folder.mkdirs()) throw new UserInputException("Cannot create the U-Net model " +
			"folder " + folder);
	}

	/** Writes the checkpoint and its state, then removes the previous checkpoint's files. */
	private static void checkpoint(final TrainableUNet net, final File checkpoints, final TrainingState state)
		throws IOException
	{
		Files.createDirectories(checkpoints.toPath());
		net.saveCheckpoint(state.prefixFile(checkpoints));
		state.write(checkpoints);
		final String keep = state.prefix + ".";
		final File[] files = checkpoints.listFiles();
		if (files != null) for (final File f : files)
			if (f.getName().startsWith("epoch-") && !f.getName().startsWith(keep)) Files.deleteIfExists(f.toPath());
	}

	/** Exports into a fresh folder beside the old SavedModel, then swaps them and writes the settings. */
	private static void export(final TrainableUNet net, final UNetModel model) throws IOException {
		final Path target = model.savedModel().toPath();
		// Not a temporary directory: those are private to the user, and a model folder is meant to be shared.
		final Path fresh = Files.createDirectory(model.folder().toPath().resolve("." + UNetModel.SAVED_MODEL +
			".partial-" + Long.toHexString(System.nanoTime())));
		try {
			net.exportSavedModel(fresh.toFile());
			final Path old = model.folder().toPath().resolve("." + UNetModel.SAVED_MODEL + ".old");
			deleteTree(old);
			if (Files.exists(target)) Files.move(target, old);
			Files.move(fresh, target);
			deleteTree(old);
		}
		finally {
			deleteTree(fresh);
		}
		model.writeSettings();
	}

	static void deleteTree(final Path root) throws IOException {
		if (!Files.exists(root)) return;
		try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
	}

	private Map<String, String> info(final String device, final ImagePlus ct, final ImagePlus labels,
		final int trainingSlices, final int validationSlices)
	{
		final Map<String, String> info = new java.util.LinkedHashMap<>();
		info.put("trained_on", device);
		info.put("training_ct", ct.getTitle());
		info.put("training_labels", labels.getTitle());
		info.put("training_slices", Integer.toString(trainingSlices));
		info.put("validation_slices", Integer.toString(validationSlices));
		return info;
	}

	/**
	 * The soft-tissue window, [-160, 240] HU, in the [0, 1] range of the model's window: the network's second
	 * input channel. 8-bit CT counts as windowed to [-1000, 1000] HU, as this suite's 8-bit slices are. Where
	 * the model's window is about that narrow already, the second channel repeats the first.
	 */
	static float[] contrastWindow(final IntensityWindow window, final int bitDepth) {
		final double low = unclipped(window, stored(-160, bitDepth));
		final double high = unclipped(window, stored(240, bitDepth));
		final float lowUnit = (float) Math.max(0, Math.min(1, low));
		final float highUnit = (float) Math.max(0, Math.min(1, high));
		return highUnit - lowUnit < 0.05 || highUnit - lowUnit > 0.9 ? new float[] { 0, 1 } : new float[] { lowUnit,
			highUnit };
	}

	private static double stored(final double hu, final int bitDepth) {
		if (bitDepth == 8) return (hu + 1000) / 2000 * 255;
		return bitDepth == 16 ? hu + IntensityWindow.HU_OFFSET_16BIT : hu;
	}

	private static double unclipped(final IntensityWindow window, final double value) {
		return (value - window.min()) / (window.max() - window.min());
	}

	/** Identifies the inputs and every setting that shapes the training except the number of epochs. */
	private String fingerprint(final List<LabelledSlice> training, final List<LabelledSlice> validation,
		final IntensityWindow usedWindow, final int bitDepth)
	{
		final CRC32 crc = new CRC32();
		final Map<String, String> map = settings.toMap();
		map.remove("epochs");
		map.keySet().removeIf(k -> k.startsWith("decoder."));
		crc.update((map + " " + usedWindow + " " + bitDepth + " " + training.size() + " " + validation.size())
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		final List<LabelledSlice> all = new ArrayList<>(training);
		all.addAll(validation);
		final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8);
		for (final LabelledSlice slice : all) {
			for (int i = 0; i < slice.values.length; i++) {
				buffer.clear();
				buffer.putFloat(slice.values[i]).putInt(slice.labels[i]);
				crc.update(buffer.array(), 0, 8);
			}
		}
		return Long.toHexString(crc.getValue()) + "-" + all.size();
	}

	/** A well-mixed 64-bit seed per batch (SplitMix64's finaliser), so neighbouring batches are independent. */
	static long mix(final long seed, final long index) {
		long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
