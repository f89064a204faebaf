package org.fewshotct.testing;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.fewshotct.core.UserInputException;

/** Bad input must be refused with a message a user can act on. */
public final class Refusals {

	private Refusals() {}

	/** Asserts that {@code action} refuses its input with a message containing {@code messagePart}. */
	public static void assertRefused(final Runnable action, final String messagePart) {
		try {
			action.run();
			fail("expected a refusal mentioning " + messagePart);
		}
		catch (final UserInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
		}
	}
}
