package org.fewshotct.ij1;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/** The bridge's menu file lists every command under its Fiji label; no plugins.config makes Fiji list it twice. */
public class MenuEntriesTest {

	@Test
	public void everyCommandHasItsBridgeEntryAndTheSuiteShipsNoPluginsConfig() throws Exception {
		final String menus;
		try (InputStream in = CommandBridge.class.getClassLoader().getResourceAsStream(CommandBridge.MENU_RESOURCE)) {
			assertNotNull(CommandBridge.MENU_RESOURCE, in);
			menus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try (Context context = new Context(CommandService.class)) {
			for (final CommandInfo info : context.service(CommandService.class).getCommands()) {
				if (!info.getClassName().startsWith("org.fewshotct.command.")) continue;
				final String entry = "\"" + info.getMenuPath().getLeaf().getName() + "\", " + CommandBridge.class
					.getName() + "(\"" + info.getClassName() + "\")";
				assertTrue(entry, menus.contains(entry));
			}
		}
		for (final URL config : Collections.list(CommandBridge.class.getClassLoader().getResources("plugins.config")))
			assertFalse(config.toString(), config.toString().contains("/target/classes/"));
	}
}
