package org.fewshotct.ij1;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.fewshotct.command.BaselineCommand;
import org.fewshotct.command.TrainUNetCommand;
import org.junit.Test;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/** The bridge creates a SciJava context (about a second of a batch run) only for a command that uses one. */
public class CommandBridgeContextTest {

	@Test
	public void commandsWithoutServicesNeedNoContext() {
		assertFalse(CommandBridge.needsContext(BaselineCommand.class));
		assertFalse(CommandBridge.needsContext(TrainUNetCommand.class));
	}

	@Test
	public void aServiceParameterNeedsOne() {
		assertTrue(CommandBridge.needsContext(Logging.class));
	}

	public static class Logging implements Command {

		@Parameter
		private LogService log;

		@Override
		public void run() {
			log.info("ran");
		}
	}
}
