package org.fewshotct.fiji;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.swing.JComboBox;

import org.fewshotct.command.CompareMethodsCommand;
import org.fewshotct.command.LabelOverlayCommand;
import org.fewshotct.command.OpenImages;
import org.fewshotct.command.RandIndexCommand;
import org.fewshotct.command.TrainWekaCommand;
import org.fewshotct.core.Progress;
import org.fewshotct.core.phantom.PhantomGenerator;
import org.fewshotct.core.phantom.PhantomSettings;
import org.fewshotct.core.phantom.PhantomStacks;
import org.fewshotct.ij1.Failures;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.scijava.module.Module;

/**
 * The suite's commands from Fiji's menu: the dialog ({@link SwingDialog}, scijava-ui-swing's harvester and panel)
 * on scijava-common's real widget service and module processors, run as imagej-legacy runs a menu command
 * ({@link FijiMacroLayer#runFromMenu}). A user who clicks OK gets distinct, sensible images; without a dialog
 * (a script in headless Fiji) no image is filled in.
 */
public class FijiDialogTest {

	private static FijiMacroLayer fiji;

	@BeforeClass
	public static void startFiji() {
		fiji = new FijiMacroLayer();
	}

	@AfterClass
	public static void stopFiji() {
		fiji.close();
	}

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	private int failuresBefore;

	@Before
	public void countFailures() {
		failuresBefore = Failures.all().size();
	}

	@After
	public void closeImages() {
		for (final ImagePlus image : OpenImages.all()) {
			image.changes = false;
			image.close();
		}
	}

	@Test
	public void eachImageStartsOnADifferentImageOfItsKindTheActiveOrMostRecentGoingToTheLastInput() {
		final ImagePlus ct = ct("ct");
		final ImagePlus truth = labels("truth", 1);
		final ImagePlus prediction = labels("prediction", 2); // made last: the active image
		final Module scored = fiji.runFromMenu(RandIndexCommand.class, Collections.emptyMap(), clickOk());
		assertSame(truth, scored.getInput("truth"));
		assertSame(prediction, scored.getInput("prediction"));
		assertTrue(lastFailure(), lastFailure().isEmpty());
		final Module overlay = fiji.runFromMenu(LabelOverlayCommand.class, Collections.emptyMap(), clickOk());
		assertSame(ct, overlay.getInput("ct"));
		assertSame(prediction, overlay.getInput("labels"));
		// The active image is the RGB overlay, neither CT nor labels: the most recent of each kind is taken
		final SwingDialog train = clickOk();
		fiji.runFromMenu(TrainWekaCommand.class, given("model", new File(temp.getRoot(), "m.weka")), train);
		assertEquals(ct.getTitle(), selected(train, "ct"));
		assertEquals(prediction.getTitle(), selected(train, "labels"));
	}

	@Test
	public void everyOpenImageIsListedThoseSharingATitleToldApart() {
		ct("ct");
		final ImagePlus first = labels("labels", 1);
		final ImagePlus second = labels("labels", 2);
		final SwingDialog dialog = new SwingDialog(panel -> panel.choices("truth").setSelectedIndex(1));
		final Module module = fiji.runFromMenu(RandIndexCommand.class, Collections.emptyMap(), dialog);
		final List<String> listed = listed(dialog.shown().choices("truth"));
		assertEquals(3, listed.size());
		assertEquals("ct", listed.get(0));
		assertEquals("labels (ID " + first.getID() + ", 1 slice)", listed.get(1));
		assertEquals("labels (ID " + second.getID() + ", 1 slice)", listed.get(2));
		assertSame("the image chosen, not the first of its title", first, module.getInput("truth"));
		assertSame(second, module.getInput("prediction"));
	}

	@Test
	public void oneImageForTruthAndPredictionIsRefused() {
		ct("ct");
		labels("labels", 1);
		final SwingDialog dialog = new SwingDialog(panel -> panel.choices("truth").setSelectedIndex(1));
		final Module module = fiji.runFromMenu(RandIndexCommand.class, Collections.emptyMap(), dialog);
		assertEquals("'truth=' and 'prediction=' are the same image 'labels': choose another image for one of them",
			lastFailure().substring("Rand Index: ".length()));
		assertTrue("not run", module.isInputResolved("truth") && !hasOutputs(module));
		fiji.run(RandIndexCommand.class, "truth=labels prediction=labels");
		assertTrue(lastFailure(), lastFailure().contains("'truth=' and 'prediction=' are the same image 'labels'"));
	}

	@Test
	public void anOptionalImageStartsOnNone() {
		final ImagePlus ct = ct("ct");
		labels("labels", 1);
		ct.show();
		final SwingDialog dialog = clickOk();
		final Module module = fiji.runFromMenu(CompareMethodsCommand.class, given("baseline", true), dialog);
		assertEquals("*None*", selected(dialog, "truth"));
		assertSame(ct, module.getInput("ct"));
		assertNull(module.getInput("truth"));
		assertNotNull(module.getOutput("montage"));
	}

	@Test
	public void noOpenImageForARequiredInputEndsTheDialogAsFijiDoes() {
		final SwingDialog dialog = clickOk();
		final Module module = fiji.runFromMenu(LabelOverlayCommand.class, Collections.emptyMap(), dialog);
		assertEquals("An ImagePlus is required but none is available.", dialog.getCancelReason());
		assertNull("no dialog", dialog.shown());
		assertTrue("not run", !hasOutputs(module));
	}

	@Test
	public void withoutADialogNoImageIsFilledIn() {
		ct("ct");
		final ImagePlus labels = labels("labels", 1);
		final Module module = fiji.runFromMenu(LabelOverlayCommand.class, given("labels", labels), null);
		assertEquals("Label Overlay: Label Overlay needs an open image for 'ct='", lastFailure());
		assertNull(module.getInput("ct"));
		assertTrue("not run", !hasOutputs(module));
	}

	private static SwingDialog clickOk() {
		return new SwingDialog(panel -> {});
	}

	private static Map<String, Object> given(final String key, final Object value) {
		final Map<String, Object> given = new HashMap<>();
		given.put(key, value);
		return given;
	}

	private static String selected(final SwingDialog dialog, final String input) {
		return String.valueOf(dialog.shown().choices(input).getSelectedItem());
	}

	private static List<String> listed(final JComboBox<Object> choices) {
		final List<String> listed = new ArrayList<>();
		for (int i = 0; i < choices.getItemCount(); i++)
			listed.add(String.valueOf(choices.getItemAt(i)));
		return listed;
	}

	private static boolean hasOutputs(final Module module) {
		return module.getOutputs().values().stream().anyMatch(v -> v != null);
	}

	private static ImagePlus ct(final String title) {
		final ImagePlus image = phantom(1).ct();
		image.setTitle(title);
		image.show();
		return image;
	}

	private static ImagePlus labels(final String title, final long seed) {
		final ImagePlus image = phantom(seed).labels();
		image.setTitle(title);
		image.show();
		return image;
	}

	private static PhantomStacks phantom(final long seed) {
		return new PhantomGenerator(new PhantomSettings(1, seed, 64)).stacks(1, Progress.NONE);
	}

	/** The last failure since the test started, or "". */
	private String lastFailure() {
		final List<String> failures = Failures.all();
		return failures.size() == failuresBefore ? "" : failures.get(failures.size() - 1);
	}
}
