package org.fewshotct.fiji;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.frame.Recorder;

import java.io.File;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

import org.fewshotct.command.ApplyWekaCommand;
import org.fewshotct.command.BaselineCommand;
import org.fewshotct.command.CompareMethodsCommand;
import org.fewshotct.command.ExportChallengeLabelsCommand;
import org.fewshotct.command.ImportChallengeLabelsCommand;
import org.fewshotct.command.LabelOverlayCommand;
import org.fewshotct.command.OpenCtSlicesCommand;
import org.fewshotct.command.RandIndexCommand;
import org.fewshotct.command.SaveLabelSlicesCommand;
import org.fewshotct.command.SegmentUNetCommand;
import org.fewshotct.command.SuiteCommand;
import org.fewshotct.command.SyntheticPhantomsCommand;
import org.fewshotct.command.TrainUNetCommand;
import org.fewshotct.command.TrainWekaCommand;
import org.fewshotct.core.Progress;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.ij1.CommandParameters;
import org.fewshotct.ij1.Failures;
import org.fewshotct.ij1.MacroOptions;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.module.Module;
import org.scijava.module.process.PreprocessorPlugin;

/**
 * The suite's commands run from macro lines the way Fiji's macro layer runs them ({@link FijiMacroLayer}, on
 * scijava-common's real module processors and headless UI): a line means what it means in bin/imagej-batch.
 */
public class FijiMacroTest {

	private static FijiMacroLayer fiji;

	/** The suite's commands as Fiji finds them; at least the 13 of the README's table. */
	private static List<Class<? extends Command>> commands;

	@BeforeClass
	public static void startFiji() throws ClassNotFoundException {
		fiji = new FijiMacroLayer();
		commands = fiji.suiteCommands();
		assertTrue(commands.toString(), commands.containsAll(Arrays.asList(OpenCtSlicesCommand.class,
			ImportChallengeLabelsCommand.class, ExportChallengeLabelsCommand.class, SaveLabelSlicesCommand.class,
			SyntheticPhantomsCommand.class, BaselineCommand.class, TrainWekaCommand.class, ApplyWekaCommand.class,
			TrainUNetCommand.class, SegmentUNetCommand.class, RandIndexCommand.class, LabelOverlayCommand.class,
			CompareMethodsCommand.class)));
	}

	@AfterClass
	public static void stopFiji() {
		fiji.close();
	}

	@After
	public void closeImages() {
		for (final ImagePlus image : org.fewshotct.command.OpenImages.all()) {
			image.changes = false;
			image.close();
		}
	}

	@Test
	public void everyCommandTakesItsDocumentedDefaultsForKeysLeftOutAndAsksNothing() throws Exception {
		open("ct");
		open("labels");
		open("prediction");
		for (final Class<? extends Command> type : commands) {
			final CommandParameters parameters = new CommandParameters(type);
			final String options = requiredKeys(parameters);
			final Module module = fiji.module(type, options);
			assertNull(type.getSimpleName() + " refused " + options, fiji.preprocess(module, options));
			final Command defaults = parameters.instantiate();
			for (final Field f : parameters.inputs()) {
				final String what = type.getSimpleName() + "." + f.getName();
				assertTrue(what + " left to a dialog", module.isInputResolved(f.getName()));
				if (!options.contains(f.getName() + "=")) assertEquals(what, f.get(defaults), module.getInput(f
					.getName()));
			}
			assertReplaysInTheBridge(parameters, module);
		}
	}

	/** A command that threw would reach ImageJ's command runner in Fiji: a stack trace, and the macro going on. */
	@Test
	public void everyCommandKeepsItsFailureRatherThanThrowingIt() {
		for (final Class<? extends Command> type : commands)
			assertTrue(type.getName() + " is no SuiteCommand", SuiteCommand.class.isAssignableFrom(type));
	}

	@Test
	public void everyDialogCanShowItsNumbers() throws Exception {
		for (final Class<? extends Command> type : commands) {
			final CommandParameters parameters = new CommandParameters(type);
			final Command defaults = parameters.instantiate();
			for (final Field f : parameters.inputs()) {
				final Object value = f.get(defaults);
				// Fiji's number widget builds a BigDecimal from the default's text: NaN cannot open a dialog
				if (value instanceof Number) new BigDecimal(value.toString());
			}
		}
	}

	@Test
	public void aValueFromAnEarlierRunIsNeverReused() {
		fiji.run(SyntheticPhantomsCommand.class, "slices=1 seed=7 size=32");
		final Module again = fiji.run(SyntheticPhantomsCommand.class, "slices=1 size=32");
		assertEquals(1L, again.getInput("seed"));
		final PhantomStacks seed1 = new PhantomGenerator(new PhantomSettings(1, 1, 32)).stacks(1, Progress.NONE);
		assertTrue(Arrays.equals((short[]) seed1.ct().getProcessor().getPixels(), (short[]) ((ImagePlus) again
			.getOutput("ct")).getProcessor().getPixels()));
	}

	@Test
	public void outputsAreImagesTheNextLineFindsByTitleUnderATitleNoOpenImageHas() {
		fiji.run(SyntheticPhantomsCommand.class, "slices=1 seed=2 size=64");
		fiji.run(SyntheticPhantomsCommand.class, "slices=1 seed=3 size=64");
		assertNotNull(WindowManager.getImage("phantom-ct"));
		final ImagePlus second = WindowManager.getImage("phantom-ct-1");
		assertNotNull("the second phantom-ct is phantom-ct-1", second);
		assertNotNull(WindowManager.getImage("phantom-labels-1"));
		fiji.run(BaselineCommand.class, "ct=phantom-ct-1");
		final ImagePlus baseline = WindowManager.getImage("phantom-ct-1-baseline");
		assertNotNull(baseline);
		assertEquals(second.getWidth(), baseline.getWidth());
	}

	@Test
	public void compareMethodsRunsWithoutATruth() {
		open("ct");
		open("other"); // never taken as the truth
		final Module module = fiji.run(CompareMethodsCommand.class, "ct=ct");
		assertNull(module.getInput("truth"));
		assertNotNull(WindowManager.getImage("ct-compare"));
	}

	@Test
	public void anImageKeyNamesExactlyOneOpenImage() {
		open("ct");
		open("labels");
		assertRefused(RandIndexCommand.class, "truth=labels", "Missing macro key 'prediction='");
		assertRefused(BaselineCommand.class, "ct=2", "No open image titled '2' (macro key 'ct=')");
		assertRefused(BaselineCommand.class, "ct=cta", "No open image titled 'cta' (macro key 'ct=')");
		open("ct");
		assertRefused(BaselineCommand.class, "ct=ct", "2 open images are titled 'ct' (macro key 'ct='): ID ");
	}

	@Test
	public void aKeyTheCommandDoesNotKnowIsRefusedWithItsKeys() {
		open("ct");
		assertRefused(ApplyWekaCommand.class, "ct=ct model=/m.weka probability=true",
			"Apply Weka Few-Shot has no macro key 'probability='; its keys: ct= model= probabilities=");
		assertRefused(ApplyWekaCommand.class, "ct=ct model_file=/m.weka", "has no macro key 'model_file='");
		assertRefused(ApplyWekaCommand.class, "ct=ct model=/a.weka model=/b.weka", "'model=' is given twice");
	}

	@Test
	public void aFailingCommandStopsTheMacroWithTheSuitesMessageAndNoStackTrace() {
		final PhantomStacks phantom = new PhantomGenerator(new PhantomSettings(1, 4, 32)).stacks(1, Progress.NONE);
		phantom.labels().show();
		// Nothing is thrown: an exception would reach ImageJ's command runner, which shows its stack trace
		final Module module = fiji.run(BaselineCommand.class, "ct=phantom-labels");
		assertTrue(lastFailure(), lastFailure().startsWith("Sobel Watershed Baseline: The CT 'phantom-labels' " +
			"looks like a label image"));
		assertTrue("the macro is aborted", macroAborted());
		assertNull("no labels from a failed run", module.getOutput("labels"));
		assertEquals("Fiji shows no second message", null, ((CommandModule) module).getCancelReason());
	}

	private static void assertRefused(final Class<? extends Command> type, final String options,
		final String message)
	{
		final Module module = fiji.module(type, options);
		final PreprocessorPlugin canceler = fiji.preprocess(module, options);
		assertNotNull(options + " accepted", canceler);
		assertEquals("Fiji shows no second message", "", canceler.getCancelReason());
		assertTrue(lastFailure(), lastFailure().contains(message));
		assertTrue("the macro is aborted", macroAborted());
	}

	/**
	 * The options Fiji's recorder writes for the module's inputs, read by the bridge: imagej-legacy 2.0.3's
	 * {@code MacroRecorderPostprocessor} records each input that is not null (an image by its title, anything else
	 * by {@code toString()}) through ImageJ's {@code Recorder.recordOption}, which brackets a value with a space.
	 * (Its escaping of quotes and backslashes is undone by the macro's string literal.)
	 */
	private static void assertReplaysInTheBridge(final CommandParameters parameters, final Module module)
		throws Exception
	{
		Recorder.resetCommandOptions();
		for (final Field f : parameters.inputs()) {
			final Object value = module.getInput(f.getName());
			if (value != null) Recorder.recordOption(f.getName(), value instanceof ImagePlus ? ((ImagePlus) value)
				.getTitle() : value.toString());
		}
		final String line = Recorder.getCommandOptions();
		Recorder.resetCommandOptions();
		final Object[] replayed = MacroOptions.read(parameters.label(), parameters.inputs(), parameters.instantiate(),
			line);
		for (int i = 0; i < replayed.length; i++)
			assertEquals(line, module.getInput(parameters.inputs().get(i).getName()), replayed[i]);
	}

	/**
	 * The keys a macro must give: inputs that are required and have no default; with none, the first key at its
	 * default, since ImageJ treats empty options as no macro (a dialog asks, in the bridge as in Fiji). Each image key
	 * names another open image: one image for two inputs is refused.
	 */
	private static String requiredKeys(final CommandParameters parameters) throws Exception {
		final Command defaults = parameters.instantiate();
		final StringJoiner keys = new StringJoiner(" ");
		for (final Field f : parameters.inputs()) {
			if (!f.getAnnotation(org.scijava.plugin.Parameter.class).required() || f.get(defaults) != null) continue;
			keys.add(f.getName() + "=" + (f.getType() != ImagePlus.class ? new File("/tmp/x").getPath() : f.getName()
				.equals("prediction") ? "prediction" : f.getName().equals("ct") ? "ct" : "labels"));
		}
		final Field first = parameters.inputs().get(0);
		return keys.length() > 0 ? keys.toString() : first.getName() + "=" + first.get(defaults);
	}

	private static ImagePlus open(final String title) {
		final PhantomStacks phantom = new PhantomGenerator(new PhantomSettings(1, 1, 32)).stacks(1, Progress.NONE);
		final ImagePlus image = phantom.ct();
		image.setTitle(title);
		image.show();
		return image;
	}

	private static String lastFailure() {
		final List<String> failures = Failures.all();
		return failures.isEmpty() ? "" : failures.get(failures.size() - 1);
	}

	/** ImageJ's flag that ends the calling macro once the command returns. */
	private static boolean macroAborted() {
		try {
			final Field abort = ij.Macro.class.getDeclaredField("abort");
			abort.setAccessible(true);
			final boolean aborted = abort.getBoolean(null);
			abort.setBoolean(null, false);
			return aborted;
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}
}
