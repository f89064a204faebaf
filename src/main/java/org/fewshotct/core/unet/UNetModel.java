package org.fewshotct.core.unet;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.instances.InstanceTargets;

/**
 * A trained U-Net on disk: one folder the user can move around, holding
 * <ul>
 * <li>{@value #SETTINGS}: format and version, the intensity window in HU and the bit depth of the CT it was
 * trained on, the targets, the network, training and decoder settings, and what it was trained with;</li>
 * <li>{@value #SAVED_MODEL}/: a TensorFlow SavedModel with a {@code serving_default} signature;</li>
 * <li>{@value #WEKA_MODEL}: the Weka forest blended with the network ({@link WekaBlend}), where its
 * {@code weka_weight} is above 0;</li>
 * <li>{@value #LOSS_PLOT} and {@value #LOSS_TABLE}: the loss curve;</li>
 * <li>{@value #CHECKPOINT}/: the training state, to resume or extend the training.</li>
 * </ul>
 */
public final class UNetModel {

	static final String FORMAT = "few-shot-ct-unet";
	/**
	 * Version 13 may join instances that a shallow saddle parted ({@code decoder.join_shallow_splits}), version 12
	 * may part instances that hold two organs of different density
	 * ({@code decoder.split_intensity_populations}), version 11 may grow the large darker regions it carves to
	 * their edge ({@code decoder.grow_darker_regions}), version 10 may carve bone out of soft-tissue instances
	 * ({@code decoder.split_bone_from_soft_tissue}), version 9
	 * may join instances that touch through dense bone ({@code decoder.join_touching_bones}), version 8
	 * may carve small darker blobs that look like lesions ({@code decoder.split_small_darker_regions}),
	 * version 7 may keep air regions inside the body whole ({@code decoder.keep_air_regions_whole}) and join the
	 * pieces of a bone ({@code decoder.join_bone_pieces}), version 6
	 * may carve darker regions out of instances ({@code decoder.split_darker_regions}), version 5 may
	 * split instances along fat planes ({@code decoder.split_fat_planes}), version 4 may blend the network with a
	 * Weka forest ({@code weka_weight}): an older reader would ignore any of these and segment otherwise; version 3
	 * may seed the decoder with a marker dynamic, which a version 2 reader would ignore and decode differently;
	 * version 2 stores the window in HU; version 1 in the units of uncalibrated CT of its bit depth.
	 */
	static final int VERSION = 13;
	static final String SETTINGS = "unet.properties";
	private static final String SETTINGS_COMMENT = "Few-Shot CT U-Net model";
	static final String SAVED_MODEL = "saved_model";
	static final String WEKA_MODEL = "weka.model";
	static final String CHECKPOINT = "checkpoint";
	static final String LOSS_PLOT = "loss.png";
	static final String LOSS_TABLE = "loss.csv";

	private final File folder;
	private final UNetSettings settings;
	private final HounsfieldWindow window;
	private final int bitDepth;
	private final int trainedEpochs;
	private final Map<String, String> properties;

	UNetModel(final File folder, final UNetSettings settings, final HounsfieldWindow window, final int bitDepth,
		final int trainedEpochs, final Map<String, String> extra)
	{
		this.folder = folder;
		this.settings = settings;
		this.window = window;
		this.bitDepth = bitDepth;
		this.trainedEpochs = trainedEpochs;
		properties = new LinkedHashMap<>();
		properties.put("format", FORMAT);
		properties.put("format_version", Integer.toString(VERSION));
		properties.put("classes", String.join(",", InstanceTargets.CLASS_NAMES));
		properties.put("signature", "serving_default: image [n,h,w,1] float in [0,1] -> probabilities [n,h,w," +
			InstanceTargets.CLASS_COUNT + "]");
		properties.put("window_min", Double.toString(window.min()));
		properties.put("window_max", Double.toString(window.max()));
		properties.put("window_units", "HU");
		properties.put("bit_depth", Integer.toString(bitDepth));
		properties.put("trained_epochs", Integer.toString(trainedEpochs));
		properties.putAll(settings.toMap());
		properties.putAll(extra);
	}

	public File folder() {
		return folder;
	}

	public UNetSettings settings() {
		return settings;
	}

	/** The window that mapped the training CT to [0, 1], in HU. */
	public HounsfieldWindow window() {
		return window;
	}

	/** The bit depth of the CT the model was trained on, for the record. */
	public int bitDepth() {
		return bitDepth;
	}

	/** The model's window in the stored units of this CT, through the CT's calibration. */
	public IntensityWindow windowFor(final ImagePlus ct) {
		return window.on(ct);
	}

	public int trainedEpochs() {
		return trainedEpochs;
	}

	File savedModel() {
		return new File(folder, SAVED_MODEL);
	}

	File wekaModel() {
		return new File(folder, WEKA_MODEL);
	}

	void writeSettings() throws IOException {
		PropertiesFile.write(new File(folder, SETTINGS), SETTINGS_COMMENT, properties);
	}

	/**
	 * Gives the model in {@code folder} the decoder settings its file lacks (steps that Few-Shot CT gained after the
	 * model was trained) as {@code requested} has them, and writes them back under this version's format; what
	 * the file says, as trained or as a user edited it, stays. Returns the settings added, as {@code key=value}.
	 */
	static List<String> addMissingDecoderSettings(final File folder, final UNetSettings requested) throws IOException {
		final File file = new File(folder, SETTINGS);
		final Map<String, String> map = PropertiesFile.read(file);
		final List<String> added = new ArrayList<>();
		for (final Map.Entry<String, String> e : requested.toMap().entrySet())
			if (e.getKey().startsWith(UNetSettings.DECODER) && !map.containsKey(e.getKey())) {
				map.put(e.getKey(), e.getValue());
				added.add(e.getKey() + "=" + e.getValue());
			}
		if (added.isEmpty()) return added;
		map.put("format_version", Integer.toString(VERSION));
		PropertiesFile.write(file, SETTINGS_COMMENT, map);
		return added;
	}

	/**
	 * Reads a model folder's settings, refusing with a {@link UserInputException} that names the path anything
	 * that is not a complete model of a format this version reads.
	 */
	public static UNetModel read(final File folder) {
		if (!folder.exists()) throw new UserInputException("No U-Net model at " + folder);
		if (!folder.isDirectory()) throw new UserInputException(folder + " is a file, not a U-Net model folder");
		final File settingsFile = new File(folder, SETTINGS);
		if (!settingsFile.isFile()) {
			if (new File(folder, CHECKPOINT).isDirectory()) throw new UserInputException("The U-Net model " + folder +
				" is not finished: its training stopped early. Run Train U-Net again with the same inputs to resume it");
			throw new UserInputException(folder + " is not a U-Net model folder (it has no " + SETTINGS + ")");
		}
		final Map<String, String> map;
		try {
			map = PropertiesFile.read(settingsFile);
		}
		catch (final IOException | IllegalArgumentException e) {
			throw new UserInputException("Cannot read " + settingsFile + ": " + e.getMessage(), e);
		}
		if (!FORMAT.equals(map.get("format"))) throw new UserInputException(settingsFile + " is not a U-Net model " +
			"description (format is " + map.get("format") + ", not " + FORMAT + ")");
		try {
			final int version = Integer.parseInt(map.getOrDefault("format_version", "?"));
			if (version > VERSION) throw new UserInputException("The U-Net model " + folder + " has format version " +
				version + "; this Few-Shot CT reads up to version " + VERSION + ": update Few-Shot CT");
			final UNetSettings settings = UNetSettings.fromMap(map);
			final int bitDepth = Integer.parseInt(map.get("bit_depth"));
			final IntensityWindow stored = new IntensityWindow(Double.parseDouble(map.get("window_min")), Double
				.parseDouble(map.get("window_max")));
			final HounsfieldWindow window = version >= 2 ? new HounsfieldWindow(stored.min(), stored.max())
				: HounsfieldWindow.of(stored, HounsfieldScale.uncalibrated(bitDepth));
			final int epochs = Integer.parseInt(map.getOrDefault("trained_epochs", "0"));
			if (!new File(folder, SAVED_MODEL + "/saved_model.pb").isFile()) throw new UserInputException(
				"The U-Net model " + folder + " is incomplete: " + SAVED_MODEL + "/saved_model.pb is missing");
			if (settings.wekaWeight() > 0 && !new File(folder, WEKA_MODEL).isFile()) throw new UserInputException(
				"The U-Net model " + folder + " is incomplete: " + WEKA_MODEL + " is missing (weka_weight=" + settings
					.wekaWeight() + "; 0 segments with the network alone)");
			final Map<String, String> extra = new LinkedHashMap<>(map);
			extra.remove("format_version");
			extra.remove("window_min");
			extra.remove("window_max");
			return new UNetModel(folder, settings, window, bitDepth, epochs, extra);
		}
		catch (final NumberFormatException | NullPointerException e) {
			throw new UserInputException("The U-Net model description " + settingsFile + " is damaged: " + e, e);
		}
		catch (final UserInputException e) {
			if (e.getMessage().contains(folder.getPath())) throw e;
			throw new UserInputException("The U-Net model " + folder + " is damaged: " + e.getMessage(), e);
		}
	}
}
