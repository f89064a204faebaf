package org.fewshotct.core;

/**
 * Bad input from the user (a missing folder, a malformed CSV, mismatched stacks). Its message names the file,
 * slice or line and says what is wrong; front ends show the message without a stack trace.
 */
public class UserInputException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public UserInputException(final String message) {
		super(message);
	}

	public UserInputException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
