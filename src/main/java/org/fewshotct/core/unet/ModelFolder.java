package org.fewshotct.core.unet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.fewshotct.core.UserInputException;

/**
 * Writing a model folder during and after training, so that an interruption at any point leaves either the
 * previous complete model or the new one, and a checkpoint to resume from.
 */
final class ModelFolder {

	private ModelFolder() {}

	/** Refuses a file or a folder with other content: training writes the model folder and may replace it. */
	static void prepare(final File folder) {
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
	static void checkpoint(final TrainableUNet net, final File checkpoints, final TrainingState state)
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

	/** Exports into a fresh folder beside the old SavedModel, swaps them, then writes the settings. */
	static void export(final TrainableUNet net, final UNetModel model) throws IOException {
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
		try (Stream<Path> paths = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
	}
}
