package org.fewshotct.fiji;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleRunner;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.PluginService;
import org.scijava.thread.ThreadService;
import org.scijava.widget.InputHarvester;

/**
 * A model of Fiji's ImageJ 1.x macro layer on the real SciJava machinery (scijava-common's context, command
 * and module services, every pre- and postprocessor on the class path, its headless UI), for
 * {@code run("Label", "options")}: the macro thread holds the options; the keys given are converted and marked
 * resolved, the way imagej-legacy 2.0.3's MacroPreprocessor does (an image key by ID first, then by title, as
 * its StringToImagePlusConverter does, and failing both by SciJava's other converters: a mistyped title becomes
 * an empty image); the rest goes through the processors. imagej-legacy itself is not on Maven Central, so this
 * class stands in for its steps that matter here: the macro step, the run ({@link #run}) and the menu run with
 * its dialog ({@link #runFromMenu}).
 */
final class FijiMacroLayer implements AutoCloseable {

	private final Context context = new Context();
	private final CommandService commands = context.service(CommandService.class);
	private final ModuleService modules = context.service(ModuleService.class);
	private final PluginService plugins = context.service(PluginService.class);
	private final ConvertService convert = context.service(ConvertService.class);
	private final ThreadService threads = context.service(ThreadService.class);

	FijiMacroLayer() {
		Interpreter.batchMode = true; // a headless macro's images live in batch mode
	}

	/** Every command of the suite that Fiji's menus would list (from the plugin index, as Fiji finds them). */
	List<Class<? extends Command>> suiteCommands() throws ClassNotFoundException {
		final List<Class<? extends Command>> types = new ArrayList<>();
		for (final CommandInfo info : commands.getCommands())
			if (info.getClassName().startsWith("org.fewshotct.command.")) types.add(info.loadDelegateClass().asSubclass(
				Command.class));
		return types;
	}

	/** A module of the command with the macro keys given filled in, not yet processed. */
	Module module(final Class<? extends Command> type, final String options) {
		final CommandInfo info = commands.getCommand(type);
		final Module module = modules.createModule(info);
		for (final ModuleItem<?> input : info.inputs()) {
			final String text = Macro.getValue(options, input.getName(), null);
			if (text == null) continue;
			final Object image = input.getType() == ImagePlus.class ? imageByIdThenTitle(text) : null;
			if (image == null && !convert.supports(text, input.getType())) continue;
			module.setInput(input.getName(), image != null ? image : convert.convert(text, input.getType()));
			module.resolveInput(input.getName());
		}
		return module;
	}

	/** Runs the preprocessors on the macro thread; the one that cancelled, or null. */
	PreprocessorPlugin preprocess(final Module module, final String options) {
		return onMacroThread(options, () -> (PreprocessorPlugin) runner(module).preProcess());
	}

	/**
	 * The whole run as imagej-legacy 2.0.3's {@code LegacyService.runLegacyCompatibleCommand} does it for a menu
	 * label: {@code moduleService.run(info, true).get()}, so preprocessors, the command and postprocessors run on a
	 * SciJava thread, which finds the macro's options through ij1-patcher's {@code Macro.getOptions()} (it looks at
	 * the thread's ancestors); an exception comes back wrapped as LegacyService wraps it, and goes on to ImageJ's
	 * command runner.
	 */
	Module run(final Class<? extends Command> type, final String options) {
		final Module module = module(type, options);
		final ModuleRunner runner = runner(module);
		final Future<Object> future = threads.run(() -> onMacroThread(options, () -> {
			runner.run();
			return null;
		}));
		complete(future);
		return module;
	}

	/** Waits for the run as LegacyService does, and throws what it throws. */
	private static void complete(final Future<?> future) {
		try {
			future.get();
		}
		catch (final Exception e) {
			if (e instanceof RuntimeException) throw (RuntimeException) e;
			throw new RuntimeException(e);
		}
	}

	/**
	 * A run from Fiji's menu, on the same path as {@link #run}: no macro options, so the dialog asks for the inputs
	 * not in {@code given} (a script's, resolved); it comes at its place among the preprocessors, as
	 * imagej-legacy's {@code LegacyInputHarvester} does. With no dialog (null), as in headless Fiji, where the
	 * harvester does nothing, nothing asks.
	 */
	Module runFromMenu(final Class<? extends Command> type, final Map<String, Object> given, final SwingDialog dialog) {
		final Module module = modules.createModule(commands.getCommand(type));
		given.forEach((name, value) -> {
			module.setInput(name, value);
			module.resolveInput(name);
		});
		if (dialog != null) context.inject(dialog);
		final List<PreprocessorPlugin> pre = new ArrayList<>();
		for (final PluginInfo<PreprocessorPlugin> info : plugins.getPluginsOfType(PreprocessorPlugin.class)) {
			if (dialog != null && info.getPriority() < InputHarvester.PRIORITY && !pre.contains(dialog)) pre.add(dialog);
			pre.add(plugins.createInstance(info));
		}
		final ModuleRunner runner = new ModuleRunner(context, module, pre, plugins.createInstancesOfType(
			PostprocessorPlugin.class));
		complete(threads.run(() -> onMacroThread(null, () -> {
			runner.run();
			return null;
		})));
		return module;
	}

	private ModuleRunner runner(final Module module) {
		final List<PreprocessorPlugin> pre = plugins.createInstancesOfType(PreprocessorPlugin.class);
		final List<PostprocessorPlugin> post = plugins.createInstancesOfType(PostprocessorPlugin.class);
		return new ModuleRunner(context, module, pre, post);
	}

	/** ImageJ gives a command's macro options to the thread that runs it, named {@code Run$_...}. */
	private static <T> T onMacroThread(final String options, final java.util.function.Supplier<T> action) {
		final Thread thread = Thread.currentThread();
		final String name = thread.getName();
		thread.setName("Run$_" + name);
		Macro.setOptions(options);
		try {
			return action.get();
		}
		finally {
			Macro.setOptions(null);
			thread.setName(name);
		}
	}

	private static ImagePlus imageByIdThenTitle(final String text) {
		try {
			final ImagePlus byId = WindowManager.getImage(Integer.parseInt(text));
			if (byId != null) return byId;
		}
		catch (final NumberFormatException e) {
			// not an ID: a title
		}
		return WindowManager.getImage(text);
	}

	@Override
	public void close() {
		context.dispose();
	}
}
