package org.fewshotct.core.unet;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a training stands, beside its TensorFlow checkpoint in the model's checkpoint folder: which inputs
 * and settings it belongs to (a fingerprint), how many epochs are done, the loss history, the epoch whose
 * weights made the pseudo-labels kept beside ({@link PseudoLabelsFile}; 0: none yet) and the epoch with the best
 * validation ARI so far (0: none yet; its weights are the {@link #BEST} checkpoint). A training with the same
 * fingerprint resumes from it.
 */
final class TrainingState {

	private static final String FILE = "state.properties";
	/** Checkpoint prefix of the best epoch's weights. */
	static final String BEST = "best";

	final String fingerprint;
	final int epochs;
	final String prefix;
	final LossHistory history;
	final int teacherEpoch;
	final int bestEpoch;
	final double bestScore;

	TrainingState(final String fingerprint, final int epochs, final String prefix, final LossHistory history,
		final int teacherEpoch, final int bestEpoch, final double bestScore)
	{
		this.fingerprint = fingerprint;
		this.epochs = epochs;
		this.prefix = prefix;
		this.history = history;
		this.teacherEpoch = teacherEpoch;
		this.bestEpoch = bestEpoch;
		this.bestScore = bestScore;
	}

	/** The state in a checkpoint folder, or null when there is none or it cannot be read. */
	static TrainingState read(final File checkpoints) {
		final File file = new File(checkpoints, FILE);
		if (!file.isFile()) return null;
		try {
			final Map<String, String> map = PropertiesFile.read(file);
			final TrainingState state = new TrainingState(map.get("fingerprint"), Integer.parseInt(map.get("epochs")),
				map.get("prefix"), LossHistory.decode(map.get("training_loss"), map.get("validation_loss")), Integer
					.parseInt(map.getOrDefault("teacher_epoch", "0")), Integer.parseInt(map.getOrDefault("best_epoch", "0")),
				Double.parseDouble(map.getOrDefault("best_validation_ari", "NaN")));
			if (state.fingerprint == null || state.prefix == null || state.history.epochs() != state.epochs) return null;
			if (!new File(checkpoints, state.prefix + ".index").isFile()) return null;
			if (state.teacherEpoch > 0 && !PseudoLabelsFile.in(checkpoints).isFile()) return null;
			if (state.bestEpoch > 0 && !new File(checkpoints, BEST + ".index").isFile()) return null;
			return state;
		}
		catch (final IOException | RuntimeException e) {
			return null;
		}
	}

	/** This state once its epoch's weights have made the pseudo-labels kept beside it. */
	TrainingState taught() {
		return new TrainingState(fingerprint, epochs, prefix, history, epochs, bestEpoch, bestScore);
	}

	void write(final File checkpoints) throws IOException {
		final Map<String, String> map = new LinkedHashMap<>();
		map.put("fingerprint", fingerprint);
		map.put("epochs", Integer.toString(epochs));
		map.put("prefix", prefix);
		final String[] losses = history.encode();
		map.put("training_loss", losses[0]);
		map.put("validation_loss", losses[1]);
		map.put("teacher_epoch", Integer.toString(teacherEpoch));
		map.put("best_epoch", Integer.toString(bestEpoch));
		map.put("best_validation_ari", Double.toString(bestScore));
		PropertiesFile.write(new File(checkpoints, FILE), "Few-Shot CT U-Net training state", map);
	}

	File prefixFile(final File checkpoints) {
		return new File(checkpoints, prefix);
	}

	static File file(final File checkpoints, final String prefix) {
		return new File(checkpoints, prefix);
	}
}
