package org.fewshotct.core.weka;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

import org.junit.Test;

import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

public class CompiledForestTest {

	/** Three noisy classes in four features: deep, irregular trees. */
	private static Instances data(final int n, final long seed) {
		final ArrayList<Attribute> attributes = new ArrayList<>();
		for (int a = 0; a < 4; a++)
			attributes.add(new Attribute("f" + a));
		attributes.add(new Attribute("class", Arrays.asList("a", "b", "c")));
		final Instances data = new Instances("test", attributes, n);
		data.setClassIndex(4);
		final Random random = new Random(seed);
		for (int i = 0; i < n; i++) {
			final double[] row = new double[5];
			for (int a = 0; a < 4; a++)
				row[a] = random.nextGaussian();
			row[4] = row[0] + 0.5 * row[1] * row[2] + 0.7 * random.nextGaussian() > 0.4 ? 0 : row[3] > 0 ? 1 : 2;
			data.add(new DenseInstance(1, row));
		}
		return data;
	}

	@Test
	public void givesWekasDistributionsBitForBit() throws Exception {
		final Instances train = data(2000, 1);
		final RandomForest forest = new RandomForest();
		forest.setNumIterations(12);
		forest.setMaxDepth(0);
		forest.setSeed(3);
		forest.buildClassifier(train);
		final CompiledForest compiled = CompiledForest.compile(forest, train);
		assertNotNull(compiled);
		final Instances test = data(5000, 2);
		final double[] out = new double[3];
		for (int i = 0; i < test.numInstances(); i++) {
			compiled.distribution(test.instance(i).toDoubleArray(), out);
			assertArrayEquals("instance " + i, forest.distributionForInstance(test.instance(i)), out, 0);
		}
	}

	@Test
	public void declinesOtherClassifiers() throws Exception {
		final Instances train = data(200, 1);
		final J48 tree = new J48();
		tree.buildClassifier(train);
		assertNull(CompiledForest.compile(tree, train));
	}
}
