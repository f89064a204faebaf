package org.fewshotct.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;

import org.fewshotct.core.UserInputException;
import org.junit.Test;

public class ComparedMethodsTest {

	@Test
	public void noMethodIsAnEmptyChoice() {
		assertTrue(ComparedMethods.chosen(false, null, new File(""), 1).isEmpty());
	}

	@Test
	public void refusesAMissingModelNamingItsKey() {
		final File missing = new File("no-such.model");
		try {
			ComparedMethods.chosen(false, null, missing, 1);
			fail();
		}
		catch (final UserInputException e) {
			assertEquals("No model no-such.model (macro key 'unet=')", e.getMessage());
		}
	}
}
