package org.fewshotct.core;

/** Numbers as a person writes them in a macro key or reads them in a message: 2 rather than 2.0. */
public final class PlainNumbers {

	private PlainNumbers() {}

	/** A whole number without its ".0"; any other as Java prints a double. */
	public static String of(final double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}
}
