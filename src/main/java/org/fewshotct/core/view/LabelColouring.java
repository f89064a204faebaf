package org.fewshotct.core.view;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Colours for the structures of one label slice, chosen so that touching structures never share a colour:
 * a greedy colouring of the label adjacency graph over a fixed {@link #PALETTE}. Label IDs are arbitrary per
 * slice, so colouring by ID would give neighbours the same colour by chance; colouring the graph does not.
 * <p>
 * Two labels touch when a pixel of one is 8-connected to a pixel of the other. Labels are coloured in
 * smallest-last order (repeatedly set aside a label with the fewest neighbours left, colour in reverse), so a
 * label meets at most the graph's degeneracy in coloured neighbours; any arrangement of structures in a plane
 * has degeneracy 5, and diagonal contacts rarely add more, so the 12 colours always suffice in practice. Should
 * a slice ever need more, the label takes the colour rarest among its neighbours.
 * </p>
 * <p>
 * Among the free colours a label takes its preferred one when given (so a method's structure can wear the
 * colour of the truth structure it matches), else one no uncoloured neighbour prefers, else the colour used
 * least so far, so the palette is spread over the slice. Deterministic: the same slice gets the same colours.
 * </p>
 */
public final class LabelColouring {

	/**
	 * Well-separated colours, bright enough to read over dark CT, as 0xRRGGBB: red, green, yellow, blue,
	 * orange, purple, cyan, magenta, lime, pink, teal, lavender.
	 */
	public static final int[] PALETTE = { 0xe6194b, 0x3cb44b, 0xffe119, 0x4363d8, 0xf58231, 0x911eb4, 0x42d4f4,
		0xf032e6, 0xbfef45, 0xfabed4, 0x469990, 0xdcbeff };

	/** The colour index of background and of label values absent from the slice. */
	public static final int NONE = -1;

	private static final int ALL = (1 << PALETTE.length) - 1;

	private LabelColouring() {}

	/** Palette indices by label value (array index = label value), {@link #NONE} for 0 and absent values. */
	public static int[] colour(final int[] labels, final int width, final int height) {
		return colour(labels, width, height, null);
	}

	/**
	 * As {@link #colour(int[], int, int)}, honouring {@code preferred[label]} (a palette index or
	 * {@link #NONE}; the array may be null or shorter than the largest label) wherever no touching label
	 * already has that colour.
	 */
	public static int[] colour(final int[] labels, final int width, final int height, final int[] preferred) {
		final Graph graph = Graph.of(labels, width, height);
		final int n = graph.values.length;
		final int[] nodeColour = new int[n];
		Arrays.fill(nodeColour, NONE);
		final int[] used = new int[PALETTE.length];
		for (final int v : smallestLastOrder(graph)) {
			int taken = 0;
			int wanted = 0;
			for (int e = graph.start[v]; e < graph.start[v + 1]; e++) {
				final int u = graph.neighbours[e];
				if (nodeColour[u] != NONE) taken |= 1 << nodeColour[u];
				else {
					final int p = preference(preferred, graph.values[u]);
					if (p != NONE) wanted |= 1 << p;
				}
			}
			final int own = preference(preferred, graph.values[v]);
			if (own != NONE && (taken & 1 << own) == 0) nodeColour[v] = own;
			else if ((taken & ALL) != ALL) {
				final int free = ALL & ~taken;
				nodeColour[v] = leastUsed((free & ~wanted) != 0 ? free & ~wanted : free, used);
			}
			else nodeColour[v] = rarestAmongNeighbours(graph, v, nodeColour);
			used[nodeColour[v]]++;
		}
		final int[] byValue = new int[graph.maxValue + 1];
		Arrays.fill(byValue, NONE);
		for (int v = 0; v < n; v++)
			byValue[graph.values[v]] = nodeColour[v];
		return byValue;
	}

	/** The colour (0xRRGGBB) of a label value under {@code colours}, or -1 for none. */
	public static int rgb(final int[] colours, final int label) {
		return label <= 0 || label >= colours.length || colours[label] == NONE ? -1 : PALETTE[colours[label]];
	}

	private static int preference(final int[] preferred, final int value) {
		if (preferred == null || value >= preferred.length) return NONE;
		final int p = preferred[value];
		return p >= 0 && p < PALETTE.length ? p : NONE;
	}

	private static int leastUsed(final int candidates, final int[] used) {
		int best = NONE;
		for (int c = 0; c < PALETTE.length; c++)
			if ((candidates & 1 << c) != 0 && (best == NONE || used[c] < used[best])) best = c;
		return best;
	}

	private static int rarestAmongNeighbours(final Graph graph, final int v, final int[] nodeColour) {
		final int[] count = new int[PALETTE.length];
		for (int e = graph.start[v]; e < graph.start[v + 1]; e++)
			if (nodeColour[graph.neighbours[e]] != NONE) count[nodeColour[graph.neighbours[e]]]++;
		int best = 0;
		for (int c = 1; c < count.length; c++)
			if (count[c] < count[best]) best = c;
		return best;
	}

	/** Nodes in colouring order: the reverse of repeatedly removing a node of least remaining degree. */
	private static int[] smallestLastOrder(final Graph graph) {
		final int n = graph.values.length;
		final int[] degree = new int[n];
		final TreeSet<Long> queue = new TreeSet<>();
		for (int v = 0; v < n; v++) {
			degree[v] = graph.start[v + 1] - graph.start[v];
			queue.add(key(degree[v], v));
		}
		final boolean[] removed = new boolean[n];
		final int[] order = new int[n];
		for (int k = n - 1; k >= 0; k--) {
			final int v = (int) (queue.pollFirst() & 0xffffffffL);
			removed[v] = true;
			order[k] = v;
			for (int e = graph.start[v]; e < graph.start[v + 1]; e++) {
				final int u = graph.neighbours[e];
				if (removed[u]) continue;
				queue.remove(key(degree[u], u));
				queue.add(key(--degree[u], u));
			}
		}
		return order;
	}

	private static long key(final int degree, final int node) {
		return (long) degree << 32 | node;
	}

	/** The labels of a slice (nodes, in increasing label value) and which touch (compressed adjacency lists). */
	static final class Graph {

		final int[] values;
		final int maxValue;
		final int[] start;
		final int[] neighbours;

		private Graph(final int[] values, final int maxValue, final int[] start, final int[] neighbours) {
			this.values = values;
			this.maxValue = maxValue;
			this.start = start;
			this.neighbours = neighbours;
		}

		static Graph of(final int[] labels, final int width, final int height) {
			if (labels.length != width * height)
				throw new IllegalArgumentException("labels hold " + labels.length + " pixels, not " + width + "x" + height);
			int max = 0;
			for (final int label : labels) {
				if (label < 0) throw new IllegalArgumentException("Negative label " + label);
				max = Math.max(max, label);
			}
			final int[] node = new int[max + 1];
			Arrays.fill(node, -1);
			int n = 0;
			for (final int label : labels)
				if (label > 0 && node[label] < 0) node[label] = n++;
			final int[] values = new int[n];
			n = 0;
			for (int value = 1; value <= max; value++)
				if (node[value] >= 0) {
					node[value] = n;
					values[n++] = value;
				}
			final long[] edges = touchingPairs(labels, width, height, node);
			final int[] start = new int[n + 1];
			for (final long edge : edges) {
				start[(int) (edge >>> 32) + 1]++;
				start[(int) edge + 1]++;
			}
			for (int v = 0; v < n; v++)
				start[v + 1] += start[v];
			final int[] fill = Arrays.copyOf(start, n);
			final int[] neighbours = new int[start[n]];
			for (final long edge : edges) {
				final int a = (int) (edge >>> 32);
				final int b = (int) edge;
				neighbours[fill[a]++] = b;
				neighbours[fill[b]++] = a;
			}
			return new Graph(values, max, start, neighbours);
		}

		/** Distinct unordered pairs of touching nodes as (smaller << 32 | larger), sorted. */
		private static long[] touchingPairs(final int[] labels, final int width, final int height, final int[] node) {
			long[] pairs = new long[64];
			int count = 0;
			final int[][] forward = { { 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 } };
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					final int a = labels[y * width + x];
					if (a == 0) continue;
					for (final int[] d : forward) {
						final int nx = x + d[0];
						final int ny = y + d[1];
						if (nx < 0 || nx >= width || ny >= height) continue;
						final int b = labels[ny * width + nx];
						if (b == 0 || b == a) continue;
						final int u = node[a];
						final int v = node[b];
						final long pair = (long) Math.min(u, v) << 32 | Math.max(u, v);
						if (count > 0 && pairs[count - 1] == pair) continue; // along a shared border, mostly repeats
						if (count == pairs.length) pairs = Arrays.copyOf(pairs, count * 2);
						pairs[count++] = pair;
					}
				}
			}
			Arrays.sort(pairs, 0, count);
			int distinct = 0;
			for (int i = 0; i < count; i++)
				if (distinct == 0 || pairs[i] != pairs[distinct - 1]) pairs[distinct++] = pairs[i];
			return Arrays.copyOf(pairs, distinct);
		}
	}
}
