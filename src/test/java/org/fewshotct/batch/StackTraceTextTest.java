package org.fewshotct.batch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.Test;

public class StackTraceTextTest {

	@Test
	public void readsTheRootCauseOfAPrintedStackTrace() {
		assertEquals("java.io.IOException: disk full", StackTraceText.exception(printed(new java.io.IOException(
			"disk full"))));
		assertEquals("java.lang.UnsupportedOperationException", StackTraceText.exception(printed(
			new UnsupportedOperationException())));
		assertEquals("java.lang.NumberFormatException: bad", StackTraceText.exception(printed(new IllegalStateException(
			"outer", new NumberFormatException("bad")))));
	}

	@Test
	public void ignoresOtherText() {
		assertNull(StackTraceText.exception("slices 2"));
		assertNull(StackTraceText.exception("Result: done\n\tat the end"));
		assertNull(StackTraceText.exception("no.such.Exception: x\n\tat a.b(C.java:1)"));
	}

	private static String printed(final Throwable e) {
		final StringWriter text = new StringWriter();
		e.printStackTrace(new PrintWriter(text));
		return text.toString();
	}
}
