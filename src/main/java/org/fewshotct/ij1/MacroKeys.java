package org.fewshotct.ij1;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fewshotct.core.UserInputException;

/**
 * The keys of an ImageJ 1.x macro options string ({@code key=value key=[a value] flag}), each read whole.
 * ImageJ's {@code Macro.getValue} finds a key anywhere it is not preceded by a letter, so {@code file=} would
 * match inside {@code model_file=} or inside a bracketed value; reading the string once, key by key, cannot.
 */
final class MacroKeys {

	/** The value of a bare key (how ImageJ records a ticked checkbox). */
	static final String FLAG = null;

	private MacroKeys() {}

	/**
	 * Every key with its value in the order given ({@link #FLAG} for a bare key); a key given twice is refused,
	 * since one of the two would be ignored.
	 */
	static Map<String, String> parse(final String options) {
		final Map<String, String> keys = new LinkedHashMap<>();
		final int n = options.length();
		int i = 0;
		while (i < n) {
			if (Character.isWhitespace(options.charAt(i))) {
				i++;
				continue;
			}
			int end = i;
			while (end < n && options.charAt(end) != '=' && !Character.isWhitespace(options.charAt(end)))
				end++;
			final String key = options.substring(i, end);
			String value = FLAG;
			if (end < n && options.charAt(end) == '=') {
				int start = end + 1;
				if (start < n && options.charAt(start) == '[') {
					final int close = options.indexOf(']', start + 1);
					end = close < 0 ? n : close + 1;
					value = options.substring(start + 1, close < 0 ? n : close);
				}
				else {
					end = start;
					while (end < n && !Character.isWhitespace(options.charAt(end)))
						end++;
					value = options.substring(start, end);
				}
			}
			if (keys.containsKey(key)) throw new UserInputException("Macro key '" + key + "=' is given twice");
			keys.put(key, value);
			i = end;
		}
		return keys;
	}
}
