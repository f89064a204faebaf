package org.fewshotct.core.unet;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.Progress;
import org.fewshotct.core.SliceParallel;
import org.fewshotct.core.SlicePairing;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.BodyMask;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.instances.InstanceTargets;
import org.fewshotct.core.instances.TissueLevels;

/**
 * Trains a U-Net on labelled CT slices into a model folder ({@link UNetModel}). Slices whose labels are all
 * 0 carry nothing to learn and are left out; a fraction of the others (spread evenly through the stack) is
 * held out for validation when it comes to at least {@link DecoderTuning#MIN_SLICES} slices
 * ({@link TrainingSlices}). Each epoch trains on augmented random tiles (as many as cover the
 * training slices once), then measures the validation loss on the held-out slices and checkpoints, so a
 * cancelled or extended training resumes where it stopped when run again with the same inputs and settings.
 * The validation slices are scored with the challenge metric about ten times from half-way on, the training
 * keeps the weights of the best of these epochs, and the decoder's settings are picked on them
 * ({@link DecoderTuning}); without, the last epoch and the default decoder stay (one or two slices' scores say
 * more about those slices than about the network). Raw slices without masks can join from half-way on too
 * ({@link PseudoLabels}).
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
	private final HounsfieldWindow window;

	public UNetTrainer(final UNetSettings settings) {
		this(settings, SliceParallel.defaultThreads(), null);
	}

	private UNetTrainer(final UNetSettings settings, final int threads, final HounsfieldWindow window) {
		this.settings = settings;
		this.threads = threads;
		this.window = window;
	}

	/**
	 * Threads for the session's independent operations and for decoding; the operations themselves (the
	 * convolutions) run on TensorFlow's one pool per JVM, sized to its processors (on a GPU it decides itself).
	 */
	public UNetTrainer withThreads(final int value) {
		return new UNetTrainer(settings, value, window);
	}

	/** The intensity window in HU; by default {@link HounsfieldWindow#DEFAULT}. */
	public UNetTrainer withWindow(final HounsfieldWindow value) {
		return new UNetTrainer(settings, threads, value);
	}

	public UNetSettings settings() {
		return settings;
	}

	public Result train(final ImagePlus allCt, final ImagePlus labels, final File folder, final Progress progress,
		final Listener listener)
	{
		return train(allCt, labels, null, folder, progress, listener);
	}

	/**
	 * As {@link #train(ImagePlus, ImagePlus, File, Progress, Listener)}, learning from {@code unlabelled} raw
	 * slices too (null: none): from half-way through the training, every second tile comes from them, labelled
	 * by the network as it was then ({@link PseudoLabels}).
	 */
	public Result train(final ImagePlus allCt, final ImagePlus labels, final ImagePlus unlabelledCt,
		final File folder, final Progress progress, final Listener listener)
	{
		Stacks.requireCt(allCt, "CT");
		Stacks.requireLabels(labels, "labels");
		final ImagePlus ct = SlicePairing.ctForLabels(allCt, labels);
		final UnlabelledSlices unlabelled = unlabelledCt == null ? null : UnlabelledSlices.of(unlabelledCt, ct);
		final HounsfieldWindow hounsfield = window != null ? window : HounsfieldWindow.DEFAULT;
		final HounsfieldScale scale = HounsfieldScale.of(ct);
		final IntensityWindow usedWindow = hounsfield.on(scale);
		final TrainingSlices slices = TrainingSlices.of(ct, labels, settings.validation());
		ModelFolder.prepare(folder);
		final File checkpoints = new File(folder, UNetModel.CHECKPOINT);
		final String fingerprint = slices.fingerprint(settings, usedWindow, ct.getBitDepth(), unlabelled);
		final TrainingState previous = TrainingState.read(checkpoints);
		final boolean resume = previous != null && previous.fingerprint.equals(fingerprint) && previous.epochs <=
			settings.epochs();
		if (resume && previous.epochs == settings.epochs() && new File(folder, UNetModel.SETTINGS).isFile()) {
			// the decoder's settings are not part of the fingerprint: a model trained before a decoder step existed
			// is trained as asked, and gains that step as this version's settings have it
			final List<String> added;
			try {
				added = UNetModel.addMissingDecoderSettings(folder, settings);
			}
			catch (final IOException e) {
				throw new UserInputException("Cannot update the U-Net model " + folder + ": " + e.getMessage(), e);
			}
			listener.message("U-Net: " + folder + " is already trained for " + previous.epochs + " epochs with these " +
				"inputs and settings; " + (added.isEmpty() ? "nothing to do" : "its decoder gains the settings added " +
					"since it was trained: " + String.join(", ", added)));
			return new Result(UNetModel.read(folder), previous.history, "", 0, 0, 0);
		}

		final UNetBackend backend = IsolatedTensorFlow.backend();
		if (IsolatedTensorFlow.fallback() != null) listener.message("U-Net: " + IsolatedTensorFlow.fallback());
		final float[] contrast = contrastWindow(usedWindow, scale);
		final float air = BodyMask.airUnit(usedWindow, scale);
		final TissueLevels tissue = TissueLevels.of(usedWindow, scale);
		try (TrainableUNet net = backend.create(settings.depth(), settings.width(), InstanceTargets.CLASS_COUNT,
			(float) settings.learningRate(), settings.seed(), threads, contrast[0], contrast[1]))
		{
			listener.message("U-Net: training on " + net.device() + ": " + slices.training.size() + " slices, " +
				slices.validation.size() + " for validation" + (unlabelled != null ? ", " + unlabelled.size() +
					" unlabelled" : "") + "; depth " + settings.depth() + ", width " + settings.width() + ", tile " +
				settings.tile() + ", batch " + settings.batch());
			final WekaBlend blend = settings.wekaWeight() > 0 ? forest(ct, labels, slices, hounsfield, progress, listener)
				: null;
			final Loop loop = new Loop(net, slices, usedWindow, air, tissue, blend);
			if (slices.tooFewToHold > 0) listener.message("U-Net: " + slices.tooFewToHold + " validation slice(s) " +
				"would be too few to pick the best epoch or the decoder (" + DecoderTuning.MIN_SLICES + " needed); all " +
				slices.training.size() + " train, with the last epoch and the default decoder");
			// Half-way, or now for a training resumed past half-way (a changed epochs=) without pseudo-labels yet.
			final int teacherEpoch = resume && previous.teacherEpoch > 0 ? previous.teacherEpoch : Math.max(Math.max(1,
				settings.epochs() / 2), resume ? previous.epochs : 0);
			final LossHistory history = resume ? previous.history : new LossHistory();
			int bestEpoch = resume ? previous.bestEpoch : 0;
			double bestScore = resume ? previous.bestScore : Double.NaN;
			if (resume) {
				net.restoreCheckpoint(previous.prefixFile(checkpoints));
				listener.message("U-Net: resuming after epoch " + previous.epochs + " of " + settings.epochs());
				if (unlabelled != null && previous.teacherEpoch > 0) loop.learnFrom(keptPseudoLabels(checkpoints,
					unlabelled), listener);
				else if (unlabelled != null && previous.epochs == teacherEpoch) loop.teach(unlabelled, checkpoints, previous,
					progress, listener);
			}
			final int first = history.epochs();
			for (int epoch = first; epoch < settings.epochs(); epoch++) {
				final double trainingLoss = loop.epoch(epoch, progress);
				history.add(trainingLoss, loop.validationLoss());
				final int done = epoch + 1;
				if (scored(done) && loop.selects) {
					final double score = loop.validationAri();
					listener.message(String.format(Locale.ROOT, "U-Net: epoch %d, validation ARI %.4f", done, score));
					if (bestEpoch == 0 || score > bestScore) {
						bestEpoch = done;
						bestScore = score;
						net.saveCheckpoint(TrainingState.file(checkpoints, TrainingState.BEST));
					}
				}
				final TrainingState state = new TrainingState(fingerprint, done, "epoch-" + done, history, unlabelled !=
					null && done > teacherEpoch ? teacherEpoch : 0, bestEpoch, bestScore);
				ModelFolder.checkpoint(net, checkpoints, state);
				listener.epoch(done, settings.epochs(), history);
				progress.status(String.format("epoch %d/%d, loss %.4f", done, settings.epochs(), trainingLoss));
				if (unlabelled != null && done == teacherEpoch) loop.teach(unlabelled, checkpoints, state, progress,
					listener);
			}
			UNetSettings trained = settings;
			if (loop.selects) {
				if (bestEpoch > 0 && bestEpoch < settings.epochs()) {
					net.restoreCheckpoint(TrainingState.file(checkpoints, TrainingState.BEST));
					listener.message(String.format(Locale.ROOT, "U-Net: keeping the weights of epoch %d, the best " +
						"validation ARI (%.4f)", bestEpoch, bestScore));
				}
				final DecoderTuning tuning = loop.tuning();
				listener.message("U-Net: " + tuning.report);
				trained = settings.withDecoder(tuning.best);
			}
			final UNetModel model = new UNetModel(folder, trained, hounsfield, ct.getBitDepth(), settings.epochs(),
				info(net.device(), ct, labels, slices, unlabelledCt, contrast));
			if (blend != null) blend.save(model.wekaModel());
			ModelFolder.export(net, model);
			history.save(new File(folder, UNetModel.LOSS_PLOT), new File(folder, UNetModel.LOSS_TABLE));
			return new Result(model, history, net.device(), settings.epochs() - first, loop.tiles, loop.seconds);
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot write the U-Net model " + folder + ": " + e.getMessage(), e);
		}
	}

	/**
	 * The Weka forest blended into the maps, trained on the training slices (a resumed training trains the same
	 * one again: same slices, window and seed).
	 */
	private WekaBlend forest(final ImagePlus ct, final ImagePlus labels, final TrainingSlices slices,
		final HounsfieldWindow hounsfield, final Progress progress, final Listener listener)
	{
		final long t0 = System.nanoTime();
		final WekaBlend blend = WekaBlend.train(ct, labels, slices.validationPositions, hounsfield, settings, threads,
			progress.cancelOnly());
		listener.message(String.format(Locale.ROOT, "U-Net: a Weka forest on the same slices, blended at %s, trained " +
			"in %.1f s", settings.wekaWeight(), (System.nanoTime() - t0) / 1e9));
		return blend;
	}

	/** The pseudo-labels an interrupted training made, as it made them. */
	private static List<LabelledSlice> keptPseudoLabels(final File checkpoints, final UnlabelledSlices unlabelled) {
		try {
			return PseudoLabelsFile.read(checkpoints, unlabelled);
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot resume the training from " + checkpoints + ": its pseudo-labels " +
				"cannot be read (" + e.getMessage() + "); remove that folder to train from the start", e);
		}
	}

	/** Whether the validation ARI is measured after this epoch: about ten times in the second half, and at the end. */
	private boolean scored(final int epoch) {
		final int every = Math.max(1, settings.epochs() / 20);
		return epoch >= settings.epochs() / 2 && (settings.epochs() - epoch) % every == 0;
	}

	/** Runs the epochs: sampling batches, training steps, and the validation loss. */
	private final class Loop {

		final TrainableUNet net;
		/**
		 * The network as segmentation sees it (mirrored, at the input scales the settings say, and blended with the
		 * Weka forest), for the validation ARI and the decoder it picks. The teacher sees the blend too (taught by a
		 * blended teacher, students scored ts_dicom_train -> ircadb1 0.751 and ircadb1's other 22 0.870 over two
		 * seeds, against 0.733 and 0.869 by the network's own), and the slices at the same scales, unmirrored: a
		 * mirrored teacher taught worse students (measured on ircadb1: 0.867 instead of 0.876, ts_dicom_train ->
		 * ircadb1 0.739 instead of 0.750); one at 1x and 1.25x taught better ones than a one-scale teacher on three
		 * rows of four (ircadb1 0.843 -> 0.855, at 0.73x 0.809 -> 0.851, ts_dicom_train -> ts_example_ct 0.677 ->
		 * 0.692; -> ircadb1 0.727 -> 0.712).
		 */
		final UNetSegmenter segmenting;
		/** The Weka forest blended into the maps of validation and of the teacher; null for the network alone. */
		final WekaBlend blend;
		final List<LabelledSlice> training;
		final IntensityWindow window;
		final float air;
		/** The levels of the decoder's splits: validation decodes as segmentation does. */
		final TissueLevels tissue;
		final float[] weights = { (float) settings.backgroundWeight(), 1, (float) settings.boundaryWeight() };
		TileSampler sampler;
		final TileSampler validationSampler;
		final List<LabelledSlice> validation;
		/**
		 * Whether validation slices pick the best epoch and the decoder: whenever there are any, since
		 * {@link TrainingSlices} holds out enough of them or none.
		 */
		final boolean selects;
		final int steps;
		final TileSampler.Batch batch = new TileSampler.Batch(settings.batch(), settings.tile());
		long tiles;
		double seconds;

		Loop(final TrainableUNet net, final TrainingSlices slices, final IntensityWindow window, final float air,
			final TissueLevels tissue, final WekaBlend blend)
		{
			this.tissue = tissue;
			this.net = net;
			segmenting = UNetSegmenter.segmenting(net, settings, settings.batch(), threads, blend);
			this.blend = blend;
			this.window = window;
			this.air = air;
			training = slices.training;
			sampler = new TileSampler(training, window, settings.tile(), settings.boundaryWidth(), settings.augment(),
				weights);
			validationSampler = new TileSampler(slices.validation, window, settings.tile(), settings.boundaryWidth(),
				false, weights);
			validation = slices.validation;
			selects = !validation.isEmpty();
			steps = slices.stepsPerEpoch(settings.tile(), settings.batch());
		}

		double epoch(final int epoch, final Progress progress) {
			double sum = 0;
			for (int s = 0; s < steps; s++) {
				progress.checkCancelled();
				final long step = (long) epoch * steps + s;
				sampler.sample(mix(settings.seed(), step), step, batch);
				final long t0 = System.nanoTime();
				sum += net.trainStep(batch.images, batch.classes, batch.weights, batch.size, batch.tile, batch.tile);
				seconds += (System.nanoTime() - t0) / 1e9;
				tiles += batch.size;
				progress.report(epoch * steps + s + 1, settings.epochs() * steps);
			}
			return sum / steps;
		}

		/**
		 * Labels the unlabelled slices with the network as it is now, keeps the labels beside the checkpoint of
		 * that {@code state}, and mixes them into every later batch. The teacher's decoder is tuned on the
		 * validation slices first where there are enough.
		 */
		void teach(final UnlabelledSlices unlabelled, final File checkpoints, final TrainingState state,
			final Progress progress, final Listener listener) throws IOException
		{
			final UNetSegmenter teacher = UNetSegmenter.segmenting(net, settings.withMirror(false), settings.batch(),
				threads, blend);
			final InstanceDecoder.Settings decoder = selects ? tuning(teacher).best : settings.decoder();
			final List<LabelledSlice> pseudo = PseudoLabels.of(teacher, unlabelled, window, decoder, settings
				.boundaryWidth(), air, progress.cancelOnly());
			PseudoLabelsFile.write(checkpoints, pseudo);
			state.taught().write(checkpoints);
			learnFrom(pseudo, listener);
		}

		/** Mixes pseudo-labelled slices into every later batch. */
		void learnFrom(final List<LabelledSlice> pseudo, final Listener listener) {
			double confident = 0;
			for (final LabelledSlice slice : pseudo)
				for (final float w : slice.weights)
					confident += w;
			listener.message(String.format(Locale.ROOT, "U-Net: pseudo-labels on %d unlabelled slices, %.1f %% of " +
				"their pixels teach (confident, and of the class their instance implies)", pseudo.size(), 100 * confident /
					pseudo.size() / pseudo.get(0).weights.length));
			sampler = new TileSampler(training, pseudo, window, settings.tile(), settings.boundaryWidth(), settings
				.augment(), weights);
		}

		/** The decoder settings that score best on the validation slices, as segmentation will see them. */
		DecoderTuning tuning() {
			return tuning(segmenting);
		}

		/** The decoder settings that score best on the validation slices through {@code segmenter}. */
		DecoderTuning tuning(final UNetSegmenter segmenter) {
			return DecoderTuning.tune(segmenter, validation, window, air, tissue, threads, settings.decoder());
		}

		/** The validation slices' mean ARI with the best decoder settings for the network as it is now. */
		double validationAri() {
			return tuning().score;
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

	private static Map<String, String> info(final String device, final ImagePlus ct, final ImagePlus labels,
		final TrainingSlices slices, final ImagePlus unlabelled, final float[] contrast)
	{
		final Map<String, String> info = new LinkedHashMap<>();
		info.put("contrast_window", contrast[0] + "," + contrast[1]);
		info.put("trained_on", device);
		info.put("training_ct", ct.getTitle());
		info.put("training_labels", labels.getTitle());
		info.put("training_slices", Integer.toString(slices.training.size()));
		info.put("validation_slices", Integer.toString(slices.validation.size()));
		if (unlabelled != null) {
			info.put("unlabelled_ct", unlabelled.getTitle());
			info.put("unlabelled_slices", Integer.toString(unlabelled.getStackSize()));
		}
		return info;
	}

	/**
	 * The soft-tissue window, [-160, 240] HU, in the [0, 1] range of the model's window: the network's second
	 * input channel. Where the model's window is about that narrow already, the second channel repeats the first.
	 */
	static float[] contrastWindow(final IntensityWindow window, final HounsfieldScale scale) {
		final double low = unclipped(window, scale.stored(-160));
		final double high = unclipped(window, scale.stored(240));
		final float lowUnit = (float) Math.max(0, Math.min(1, low));
		final float highUnit = (float) Math.max(0, Math.min(1, high));
		return highUnit - lowUnit < 0.05 || highUnit - lowUnit > 0.9 ? new float[] { 0, 1 } : new float[] { lowUnit,
			highUnit };
	}

	private static double unclipped(final IntensityWindow window, final double value) {
		return (value - window.min()) / (window.max() - window.min());
	}

	/** A well-mixed 64-bit seed per batch (SplitMix64's finaliser), so neighbouring batches are independent. */
	static long mix(final long seed, final long index) {
		long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
