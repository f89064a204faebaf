package org.fewshotct.core.io;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into fields, honouring double quotes ({@code "a,b"} and {@code ""} escapes). */
final class CsvFields {

	private CsvFields() {}

	static List<String> split(final String line) {
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
