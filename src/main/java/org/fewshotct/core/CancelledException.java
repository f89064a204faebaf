package org.fewshotct.core;

/** Thrown by a core loop when its {@link Progress} says the user cancelled; nothing has been written. */
public class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("Cancelled by the user");
	}
}
