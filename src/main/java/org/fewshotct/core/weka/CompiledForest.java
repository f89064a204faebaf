package org.fewshotct.core.weka;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import weka.classifiers.Classifier;
import weka.classifiers.IteratedSingleClassifierEnhancer;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A trained Weka {@link RandomForest} copied into flat arrays, so a pixel's class distribution costs a few
 * array reads per tree level instead of Weka's recursive, allocating walk: the same numbers, bit for bit
 * (tested), several times faster, which is what makes whole stacks affordable.
 * <p>
 * Weka keeps the trees in protected fields; {@link #compile} reads them by reflection and returns null for
 * anything it does not know exactly (another classifier, nominal features, a different Weka layout), and
 * callers then use Weka's own {@code distributionForInstance}.
 * </p>
 */
final class CompiledForest {

	/** Per node: the feature tested, or -1 at a leaf. Nodes are in pre-order, so a left child follows its parent. */
	private final int[] feature;
	/** Per node: go left when the feature's value is below this. */
	private final double[] split;
	/** Per node: the index of the right child. */
	private final int[] right;
	/** Per node: where its normalised class distribution starts in {@link #leafDistributions} (leaves only). */
	private final int[] leaf;
	private final double[] leafDistributions;
	private final int[] roots;
	private final int classes;

	private CompiledForest(final int[] feature, final double[] split, final int[] right, final int[] leaf,
		final double[] leafDistributions, final int[] roots, final int classes)
	{
		this.feature = feature;
		this.split = split;
		this.right = right;
		this.leaf = leaf;
		this.leafDistributions = leafDistributions;
		this.roots = roots;
		this.classes = classes;
	}

	/** The forest in flat arrays, or null when the classifier is not a plain forest of numeric-split trees. */
	static CompiledForest compile(final Classifier classifier, final Instances header) {
		if (classifier.getClass() != RandomForest.class) return null;
		for (int a = 0; a < header.numAttributes(); a++)
			if (a != header.classIndex() && !header.attribute(a).isNumeric()) return null;
		try {
			final Builder builder = new Builder(header.numClasses());
			for (final Classifier tree : (Classifier[]) field(IteratedSingleClassifierEnhancer.class, "m_Classifiers")
				.get(classifier))
			{
				if (tree.getClass() != RandomTree.class) return null;
				if (field(RandomTree.class, "m_zeroR").get(tree) != null) return null;
				builder.roots.add(builder.size());
				if (!builder.add(field(RandomTree.class, "m_Tree").get(tree), null, field(RandomTree.class,
					"m_AllowUnclassifiedInstances").getBoolean(tree))) return null;
			}
			return builder.build();
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}

	/**
	 * Writes the forest's class distribution for one pixel's feature values into {@code out}, exactly as
	 * Weka's {@code RandomForest.distributionForInstance}: the trees' normalised leaf distributions summed in
	 * tree order, then normalised. Values must not be NaN (Weka's missing value).
	 */
	void distribution(final double[] values, final double[] out) {
		Arrays.fill(out, 0);
		for (final int root : roots) {
			int node = root;
			while (feature[node] >= 0)
				node = values[feature[node]] < split[node] ? node + 1 : right[node];
			final int from = leaf[node];
			for (int c = 0; c < classes; c++)
				out[c] += leafDistributions[from + c];
		}
		final double sum = Utils.sum(out);
		if (!Utils.eq(sum, 0)) Utils.normalize(out, sum);
	}

	private static Field field(final Class<?> owner, final String name) throws NoSuchFieldException {
		final Field field = owner.getDeclaredField(name);
		field.setAccessible(true);
		return field;
	}

	/** Collects the nodes of Weka trees in pre-order. */
	private static final class Builder {

		private final int classes;
		private final List<Integer> roots = new ArrayList<>();
		private final List<Integer> feature = new ArrayList<>();
		private final List<Double> split = new ArrayList<>();
		private final List<Integer> right = new ArrayList<>();
		private final List<Integer> leaf = new ArrayList<>();
		private final List<Double> distributions = new ArrayList<>();

		Builder(final int classes) {
			this.classes = classes;
		}

		int size() {
			return feature.size();
		}

		/**
		 * Adds a Weka tree node and its subtree; {@code inherited} is the distribution Weka falls back to where a
		 * leaf has none (the nearest ancestor's). False when the node is not as expected.
		 */
		boolean add(final Object node, final double[] inherited, final boolean allowUnclassified)
			throws ReflectiveOperationException
		{
			final Class<?> type = node.getClass();
			final int attribute = field(type, "m_Attribute").getInt(node);
			final double[] own = normalised((double[]) field(type, "m_ClassDistribution").get(node));
			final int index = size();
			feature.add(attribute < 0 ? -1 : attribute);
			split.add(field(type, "m_SplitPoint").getDouble(node));
			right.add(-1);
			leaf.add(-1);
			if (attribute < 0) {
				final double[] distribution = own != null ? own : allowUnclassified ? new double[classes] : inherited;
				if (distribution == null || distribution.length != classes) return false;
				leaf.set(index, distributions.size());
				for (final double p : distribution)
					distributions.add(p);
				return true;
			}
			final Object[] successors = (Object[]) field(type, "m_Successors").get(node);
			if (successors == null || successors.length != 2) return false;
			final double[] passed = own != null ? own : inherited;
			if (!add(successors[0], passed, allowUnclassified)) return false;
			right.set(index, size());
			return add(successors[1], passed, allowUnclassified);
		}

		/** A copy normalised as Weka's leaves return it; null for null or an all-zero distribution. */
		private static double[] normalised(final double[] distribution) {
			if (distribution == null || Utils.sum(distribution) == 0) return null;
			final double[] copy = distribution.clone();
			Utils.normalize(copy);
			return copy;
		}

		CompiledForest build() {
			final int n = size();
			final int[] f = new int[n];
			final double[] s = new double[n];
			final int[] r = new int[n];
			final int[] l = new int[n];
			for (int i = 0; i < n; i++) {
				f[i] = feature.get(i);
				s[i] = split.get(i);
				r[i] = right.get(i);
				l[i] = leaf.get(i);
			}
			final double[] d = new double[distributions.size()];
			for (int i = 0; i < d.length; i++)
				d[i] = distributions.get(i);
			return new CompiledForest(f, s, r, l, d, roots.stream().mapToInt(Integer::intValue).toArray(), classes);
		}
	}
}
