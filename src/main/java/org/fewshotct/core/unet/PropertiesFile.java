package org.fewshotct.core.unet;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.fewshotct.core.io.AtomicOutput;

/** Small "key=value" text files in a stable order (readable as Java properties), written atomically. */
final class PropertiesFile {

	private PropertiesFile() {}

	static void write(final File file, final String comment, final Map<String, String> entries) throws IOException {
		final StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
		for (final Map.Entry<String, String> e : entries.entrySet())
			text.append(e.getKey()).append('=').append(escape(e.getValue())).append('\n');
		AtomicOutput.write(file, path -> Files.write(path, text.toString().getBytes(StandardCharsets.UTF_8)));
	}

	static Map<String, String> read(final File file) throws IOException {
		final Properties properties = new Properties();
		try (Reader reader = new StringReader(new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8))) {
			properties.load(reader);
		}
		final Map<String, String> map = new LinkedHashMap<>();
		for (final String key : properties.stringPropertyNames())
			map.put(key, properties.getProperty(key));
		return map;
	}

	private static String escape(final String value) {
		final StringBuilder out = new StringBuilder();
		for (final char c : value.toCharArray()) {
			if (c == '\\') out.append("\\\\");
			else if (c == '\n') out.append("\\n");
			else if (c == '\r') out.append("\\r");
			else if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
			else out.append(c);
		}
		return out.toString();
	}
}
