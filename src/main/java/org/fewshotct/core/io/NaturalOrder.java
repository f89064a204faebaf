package org.fewshotct.core.io;

/** Compares file names so that embedded numbers sort by value: slice2.png before slice10.png. */
public final class NaturalOrder {

	private NaturalOrder() {}

	public static int compare(final String a, final String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			final char ca = a.charAt(i);
			final char cb = b.charAt(j);
			if (Character.isDigit(ca) && Character.isDigit(cb)) {
				final int ei = digitsEnd(a, i);
				final int ej = digitsEnd(b, j);
				final int byValue = compareDigits(a.substring(i, ei), b.substring(j, ej));
				if (byValue != 0) return byValue;
				i = ei;
				j = ej;
			}
			else {
				if (ca != cb) return Character.compare(ca, cb);
				i++;
				j++;
			}
		}
		final int byLength = Integer.compare(a.length() - i, b.length() - j);
		return byLength != 0 ? byLength : a.compareTo(b);
	}

	private static int digitsEnd(final String s, int i) {
		while (i < s.length() && Character.isDigit(s.charAt(i)))
			i++;
		return i;
	}

	private static int compareDigits(final String x, final String y) {
		final String a = x.replaceFirst("^0+(?=.)", "");
		final String b = y.replaceFirst("^0+(?=.)", "");
		return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
	}
}
