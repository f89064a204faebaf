package org.fewshotct.core.io;

import java.util.ArrayList;
import java.util.List;

/** CSV fields with double quotes ({@code "a,b"} and {@code ""} escapes): splitting a line, quoting a field. */
public final class CsvFields {

	private CsvFields() {}

	/** The text as one field: as it is, or quoted where it holds a comma, a quote or a line break. */
	public static String quote(final String text) {
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) return text;
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	/** The fields of one line. */
	public static List<String> split(final String line) {
		final List<String> fields = new ArrayList<>();
		final StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			final char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') quoted = false;
				else field.append(c);
			}
			else if (c == '"') quoted = true;
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else field.append(c);
		}
		fields.add(field.toString());
		return fields;
	}
}
