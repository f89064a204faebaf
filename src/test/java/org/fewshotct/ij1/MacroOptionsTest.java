package org.fewshotct.ij1;

import static org.fewshotct.testing.Refusals.assertRefused;
import static org.junit.Assert.assertArrayEquals;

import ij.ImagePlus;
import ij.macro.Interpreter;

import java.io.File;

import org.fewshotct.command.TrainWekaCommand;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Macro options read key by key, as the bridge and Fiji's suite preprocessor both read them. */
public class MacroOptionsTest {

	private static final CommandParameters TRAIN = new CommandParameters(TrainWekaCommand.class);

	private final ImagePlus ct = new ImagePlus("a", new ij.process.ShortProcessor(8, 8));
	private final ImagePlus labels = new ImagePlus("b", new ij.process.ShortProcessor(8, 8));

	@Before
	public void open() {
		Interpreter.batchMode = true;
		ct.show();
		labels.show();
	}

	@After
	public void close() {
		ct.close();
		labels.close();
	}

	@Test
	public void aBracketedValueIsReadWholeAndKeysInsideItAreNotKeys() throws Exception {
		assertArrayEquals(new Object[] { ct, labels, null, new File("/my models/x.weka"), 32, 1000, 1,
			"original,gaussian,gradient,hessian,dog,membrane,windows,variance", 2, "structures", "", "-C 0.25 seed=9",
			null }, read("ct=a labels=b model=[/my models/x.weka] classifier_args=[-C 0.25 seed=9] trees="));
	}

	@Test
	public void aKeyTheCommandDoesNotKnowIsRefusedWithItsKeys() {
		assertRefused(() -> read("ct=a labels=b model=/x.weka seeds=3"), "Train Weka Few-Shot has no macro key " +
			"'seeds='; its keys: ct= labels= unlabelled= model= trees= samples= seed= features= boundary= scheme= classifier= " +
			"classifier_args= arff=");
		assertRefused(() -> read("ct=a labels=b model_file=/x.weka"), "has no macro key 'model_file='");
		assertRefused(() -> read("ct=a labels=b model=/x.weka trees=3 trees=4"), "Macro key 'trees=' is given twice");
		assertRefused(() -> read("ct=a labels=b model=/x.weka trees"), "Macro key 'trees=' needs a value");
		assertRefused(() -> read("ct=a labels=a-1 model=/x.weka"), "No open image titled 'a-1' (macro key 'labels=')");
	}

	private static Object[] read(final String options) {
		try {
			return MacroOptions.read(TRAIN.label(), TRAIN.inputs(), TRAIN.instantiate(), options);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}
}
