package org.fewshotct.core.metric;

import static org.junit.Assert.assertEquals;

import ij.ImagePlus;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

import org.fewshotct.core.Progress;
import org.fewshotct.core.Stacks;
import org.fewshotct.core.io.SliceFolderReader;
import org.junit.Test;

/**
 * Values must equal scikit-learn's {@code adjusted_rand_score} and {@code rand_score} (Debian python3-sklearn
 * 1.2.1) to 1e-9; the reference values were made by the make_sklearn_*.py scripts beside the fixture files.
 */
public class RandIndexTest {

	private static final double TOLERANCE = 1e-9;

	@Test
	public void identicalPartitionsScoreOneWhateverTheIds() {
		final int[] truth = { 1, 1, 2, 2, 0, 3 };
		final int[] prediction = { 9, 9, 4, 4, 9, 0 };
		final RandIndex.Score score = RandIndex.score(truth, prediction);
		assertEquals(1.0, score.adjusted, 0);
		assertEquals(1.0, score.rand, 0);
		assertEquals(5, score.pixels);
		assertEquals(3, score.truthStructures);
	}

	@Test
	public void onlyTruthForegroundCounts() {
		final int[] truth = { 0, 0, 1, 1, 2, 2 };
		final int[] prediction = { 5, 6, 1, 1, 2, 2 };
		assertEquals(1.0, RandIndex.score(truth, prediction).adjusted, 0);
	}

	@Test
	public void aSliceWithoutTruthScoresOneAsScikitLearn() {
		assertEquals(1.0, RandIndex.score(new int[4], new int[] { 1, 2, 3, 4 }).adjusted, 0);
	}

	@Test
	public void matchesScikitLearnOnFormulaCases() throws IOException {
		for (final String line : lines("sklearn-ari.tsv")) {
			final String[] fields = line.split("\t");
			final int[][] labels = formulaCase(fields[0]);
			final RandIndex.Score score = RandIndex.score(labels[0], labels[1]);
			assertEquals(fields[0], Double.parseDouble(fields[1]), score.adjusted, TOLERANCE);
			assertEquals(fields[0], Double.parseDouble(fields[2]), score.rand, TOLERANCE);
		}
	}

	@Test
	public void matchesScikitLearnOnTheEmbeddedTestImages() throws IOException {
		final ImagePlus truth = SliceFolderReader.read(new File("test-images/train/labels"), Progress.NONE);
		final ImagePlus prediction = SliceFolderReader.read(new File("test-images/train/images"), Progress.NONE);
		// Slice by slice: the CT stands in for a prediction with many labels, which StackRandIndex refuses.
		final RandIndex.Score[] scores = new RandIndex.Score[truth.getStackSize()];
		for (int s = 0; s < scores.length; s++)
			scores[s] = RandIndex.score(Stacks.labelShorts(truth.getStack().getPixels(s + 1)), Stacks.labelShorts(
				prediction.getStack().getPixels(s + 1)));
		final List<String> reference = lines("sklearn-ari-test-images.txt");
		for (int s = 0; s < scores.length; s++)
			assertEquals("slice " + s, Double.parseDouble(reference.get(s).split(" ")[3]), scores[s].adjusted, TOLERANCE);
		assertEquals(Double.parseDouble(reference.get(scores.length).split(" ")[2]), StackRandIndex.meanAdjusted(
			scores), TOLERANCE);
	}

	/** The same integer formulas as make_sklearn_fixture.py. */
	private static int[][] formulaCase(final String name) {
		switch (name) {
			case "blocks_vs_shifted":
				return build(4096, i -> (i / 300) % 9, i -> ((i + 137) / 280) % 11);
			case "mod_vs_mod":
				return build(4096, i -> (int) ((i * 7919L) % 13), i -> (int) ((i * 104729L) % 17));
			case "mostly_background_truth":
				return build(4096, i -> i % 5 == 0 ? (i / 50) % 20 + 1 : 0, i -> (i / 64) % 40);
			case "split_in_two":
				return build(4096, i -> i / 1024 + 1, i -> i / 512 + 1);
			case "merged_all":
				return build(4096, i -> i / 1024 + 1, i -> 7);
			case "many_labels":
				return build(20000, i -> i / 3 + 1, i -> (i + 1) / 3);
			default:
				throw new IllegalArgumentException(name);
		}
	}

	private static int[][] build(final int n, final IntUnaryOperator truth, final IntUnaryOperator prediction) {
		final int[][] labels = new int[2][n];
		for (int i = 0; i < n; i++) {
			labels[0][i] = truth.applyAsInt(i);
			labels[1][i] = prediction.applyAsInt(i);
		}
		return labels;
	}

	private static List<String> lines(final String resource) throws IOException {
		final List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(RandIndexTest.class.getResourceAsStream(
			resource), StandardCharsets.UTF_8)))
		{
			for (String line = reader.readLine(); line != null; line = reader.readLine())
				if (!line.trim().isEmpty()) lines.add(line);
		}
		return lines;
	}
}
