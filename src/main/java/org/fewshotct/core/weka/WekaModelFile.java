package org.fewshotct.core.weka;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OptionalDataException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.fewshotct.core.HounsfieldScale;
import org.fewshotct.core.HounsfieldWindow;
import org.fewshotct.core.IntensityWindow;
import org.fewshotct.core.UserInputException;
import org.fewshotct.core.features.FeatureSettings;
import org.fewshotct.core.instances.InstanceDecoder;
import org.fewshotct.core.io.AtomicOutput;

import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * The Weka model file: a ZIP holding {@value #SETTINGS} (readable text: format version, features, class
 * scheme, intensity window in HU, decoder settings, what it was trained on) and {@value #CLASSIFIER} (the Weka
 * classifier and its attribute header, Java-serialized). Reading accepts only Weka and JDK classes in the
 * serialized part, so a crafted file cannot run other code, and refuses a wrong, newer or damaged file with a
 * message that names it.
 */
final class WekaModelFile {

	/**
	 * The format this version writes and the newest it reads. Format 8 may grow the large darker regions it
	 * carves to their edge ({@code decoder.grow_darker_regions}), format 7 may carve bone out of soft-tissue instances
	 * ({@code decoder.split_bone_from_soft_tissue}), format 6 may join instances that touch through dense
	 * bone ({@code decoder.join_touching_bones}), format 5 may carve small darker blobs that look like
	 * lesions ({@code decoder.split_small_darker_regions}), format 4 may join the pieces of a bone and keep
	 * air regions whole ({@code decoder.join_bone_pieces}, {@code decoder.keep_air_regions_whole}), and format 3
	 * carve darker regions out of the instances ({@code decoder.split_darker_regions}), which an older reader
	 * would ignore and segment otherwise; format 2 stores the window in HU; format 1 stored it in the units of
	 * uncalibrated CT of the training bit depth (16-bit: HU + 1024), converted when read.
	 */
	static final int FORMAT_VERSION = 8;
	static final String SETTINGS = "model.properties";
	static final String CLASSIFIER = "classifier.ser";

	private static final String DECODER = "decoder.";
	private static final String TRAINING = "training.";

	private WekaModelFile() {}

	static void write(final WekaModel model, final File file) {
		try {
			AtomicOutput.write(file, path -> {
				try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
					zip.putNextEntry(new ZipEntry(SETTINGS));
					final Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
					writer.write(settingsText(model));
					writer.flush();
					zip.closeEntry();
					zip.putNextEntry(new ZipEntry(CLASSIFIER));
					final ObjectOutputStream objects = new ObjectOutputStream(zip);
					objects.writeObject(model.classifier());
					objects.writeObject(model.header());
					objects.flush();
					zip.closeEntry();
				}
			});
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot write the model file " + file + ": " + e.getMessage(), e);
		}
	}

	/** The settings entry: sorted "key=value" lines, escaped as java.util.Properties reads them. */
	private static String settingsText(final WekaModel model) throws IOException {
		final Map<String, String> entries = new TreeMap<>();
		entries.put("format", Integer.toString(FORMAT_VERSION));
		entries.put("method", "weka");
		entries.put("scheme", model.scheme().key());
		entries.put("window.min", Double.toString(model.window().min()));
		entries.put("window.max", Double.toString(model.window().max()));
		entries.put("window.units", "HU");
		entries.put("bit_depth", Integer.toString(model.bitDepth()));
		entries.putAll(model.features().toMap());
		model.decoder().toMap().forEach((k, v) -> entries.put(DECODER + k, v));
		model.training().forEach((k, v) -> entries.put(TRAINING + k, v));
		final StringBuilder text = new StringBuilder("# Few-Shot CT Weka model\n");
		for (final Map.Entry<String, String> entry : entries.entrySet())
			text.append(propertyLine(entry.getKey(), entry.getValue()));
		return text.toString();
	}

	/** One "key=value" line, escaped by java.util.Properties itself. */
	private static String propertyLine(final String key, final String value) throws IOException {
		final Properties property = new Properties();
		property.setProperty(key, value);
		final StringWriter writer = new StringWriter();
		property.store(writer, null);
		final StringBuilder line = new StringBuilder();
		for (final String text : writer.toString().split("\\R"))
			if (!text.startsWith("#")) line.append(text).append('\n');
		return line.toString();
	}

	static WekaModel read(final File file) {
		// A U-Net model is a folder holding unet.properties.
		if (file.isDirectory()) throw new UserInputException(new File(file, "unet.properties").isFile() ? file +
			" is a U-Net model folder; use Segment with U-Net" : file + " is a folder, not a Weka model file");
		if (!file.isFile()) throw new UserInputException("No such model file: " + file);
		try (ZipFile zip = new ZipFile(file)) {
			final ZipEntry settingsEntry = zip.getEntry(SETTINGS);
			final ZipEntry classifierEntry = zip.getEntry(CLASSIFIER);
			if (settingsEntry == null || classifierEntry == null) throw notAModel(file, "it lacks " + SETTINGS + " or " +
				CLASSIFIER);
			final Map<String, String> settings = readSettings(zip, settingsEntry);
			final int format = requireFormat(file, settings);
			final Object[] objects = readClassifier(file, zip, classifierEntry);
			return new WekaModel((Classifier) objects[0], (Instances) objects[1], FeatureSettings.fromMap(settings),
				ClassScheme.byKey(required(settings, "scheme")), window(settings, format), Integer.parseInt(required(
					settings, "bit_depth")), InstanceDecoder.Settings.fromMap(prefixed(settings, DECODER)), prefixed(
						settings, TRAINING));
		}
		catch (final ZipException e) {
			throw notAModel(file, "it is not a ZIP file (" + e.getMessage() + ")");
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot read the model file " + file + ": " + cause(e), e);
		}
		catch (final UserInputException e) {
			throw e.getMessage().contains(file.getPath()) ? e : new UserInputException("The model file " + file +
				" is damaged: " + e.getMessage(), e);
		}
		catch (final RuntimeException e) {
			throw new UserInputException("The model file " + file + " is damaged: " + cause(e), e);
		}
	}

	/** What went wrong, in words: several of Java's reading errors carry no message. */
	private static String cause(final Throwable e) {
		if (e instanceof EOFException) return "it ends too early (truncated or cut off while written)";
		if (e instanceof OptionalDataException) return "its classifier data is not what was written";
		final String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}

	private static Map<String, String> readSettings(final ZipFile zip, final ZipEntry entry) throws IOException {
		final Properties properties = new Properties();
		try (InputStream in = zip.getInputStream(entry)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		final Map<String, String> settings = new LinkedHashMap<>();
		for (final String key : properties.stringPropertyNames())
			settings.put(key, properties.getProperty(key));
		return settings;
	}

	/** The window in HU; format 1 gave it in the stored units of uncalibrated CT of the training bit depth. */
	private static HounsfieldWindow window(final Map<String, String> settings, final int format) {
		final double min = Double.parseDouble(required(settings, "window.min"));
		final double max = Double.parseDouble(required(settings, "window.max"));
		if (format >= 2) return new HounsfieldWindow(min, max);
		return HounsfieldWindow.of(new IntensityWindow(min, max), HounsfieldScale.uncalibrated(Integer.parseInt(
			required(settings, "bit_depth"))));
	}

	private static int requireFormat(final File file, final Map<String, String> settings) {
		if (!"weka".equals(settings.get("method"))) throw notAModel(file, settings.containsKey("method") ? "it is a " +
			settings.get("method") + " model" : "it names no method");
		final int format;
		try {
			format = Integer.parseInt(required(settings, "format"));
		}
		catch (final NumberFormatException e) {
			throw notAModel(file, "its format version is not a number");
		}
		if (format > FORMAT_VERSION) throw new UserInputException("The model file " + file +
			" was written by a newer Few-Shot CT (format " + format + "; this version reads up to " + FORMAT_VERSION +
			")");
		return format;
	}

	private static Object[] readClassifier(final File file, final ZipFile zip, final ZipEntry entry)
		throws IOException
	{
		try (InputStream in = zip.getInputStream(entry); ObjectInputStream objects = new ObjectInputStream(in)) {
			objects.setObjectInputFilter(WekaModelFile::onlyWekaAndJdk);
			final Object classifier = objects.readObject();
			final Object header = objects.readObject();
			if (!(classifier instanceof Classifier) || !(header instanceof Instances)) throw new UserInputException(
				"The model file " + file + " is damaged: it holds no Weka classifier");
			return new Object[] { classifier, header };
		}
		catch (final ClassNotFoundException | IOException e) {
			throw new UserInputException("The model file " + file + " is damaged: " + cause(e), e);
		}
	}

	/** Deserialization filter: Weka's classes, the JDK's, and arrays of either or of primitives. */
	private static ObjectInputFilter.Status onlyWekaAndJdk(final ObjectInputFilter.FilterInfo info) {
		Class<?> type = info.serialClass();
		if (type == null) return ObjectInputFilter.Status.UNDECIDED;
		while (type.isArray())
			type = type.getComponentType();
		if (type.isPrimitive()) return ObjectInputFilter.Status.ALLOWED;
		final String name = type.getName();
		return name.startsWith("weka.") || name.startsWith("java.") ? ObjectInputFilter.Status.ALLOWED
			: ObjectInputFilter.Status.REJECTED;
	}

	private static String required(final Map<String, String> settings, final String key) {
		final String value = settings.get(key);
		if (value == null) throw new IllegalArgumentException("the entry '" + key + "' is missing");
		return value;
	}

	private static Map<String, String> prefixed(final Map<String, String> settings, final String prefix) {
		final Map<String, String> out = new TreeMap<>();
		settings.forEach((k, v) -> {
			if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v);
		});
		return out;
	}

	private static UserInputException notAModel(final File file, final String why) {
		return new UserInputException("The file " + file + " is not a Few-Shot CT Weka model: " + why);
	}
}
