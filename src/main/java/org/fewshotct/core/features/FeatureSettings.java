package org.fewshotct.core.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fewshotct.core.UserInputException;

/**
 * Which feature families a filter bank computes, at which scales: an immutable value that a model file stores,
 * so a model computes exactly the features it was trained on.
 */
public final class FeatureSettings {

	/**
	 * The default families: chosen on real CT for accuracy within the speed budget (about 2 s per 512x512 slice
	 * on two cores, classifier included).
	 */
	public static final FeatureSettings DEFAULT = new FeatureSettings(EnumSet.of(Feature.ORIGINAL,
		Feature.GAUSSIAN, Feature.GRADIENT, Feature.HESSIAN, Feature.DOG, Feature.MEMBRANE, Feature.WINDOWS,
		Feature.VARIANCE), 1, 16);

	private final Set<Feature> features;
	private final double minSigma;
	private final double maxSigma;

	public FeatureSettings(final Set<Feature> features, final double minSigma, final double maxSigma) {
		if (features.isEmpty()) throw new UserInputException("Select at least one feature: " + available());
		if (!(minSigma > 0) || !(maxSigma >= minSigma)) throw new UserInputException(
			"Feature scales need 0 < minimum sigma <= maximum sigma, got " + minSigma + " and " + maxSigma);
		this.features = Collections.unmodifiableSet(EnumSet.copyOf(features));
		this.minSigma = minSigma;
		this.maxSigma = maxSigma;
	}

	/**
	 * The families named in a comma-separated list (case-insensitive), at the default scales. Refuses an
	 * unknown name, listing the known ones.
	 */
	public static FeatureSettings parse(final String names) {
		final Set<Feature> features = EnumSet.noneOf(Feature.class);
		for (final String name : names.split(",")) {
			if (name.trim().isEmpty()) continue;
			final Feature feature = Feature.byKey(name);
			if (feature == null) throw new UserInputException("Unknown feature '" + name.trim() + "'; known: " +
				available());
			features.add(feature);
		}
		return new FeatureSettings(features, DEFAULT.minSigma, DEFAULT.maxSigma);
	}

	/** The known family names, comma-separated. */
	public static String available() {
		return Arrays.stream(Feature.values()).map(Feature::key).collect(Collectors.joining(","));
	}

	public FeatureSettings withSigmas(final double min, final double max) {
		return new FeatureSettings(features, min, max);
	}

	public Set<Feature> features() {
		return features;
	}

	/** The scales: minSigma, 2 minSigma, 4 minSigma, ... up to maxSigma. */
	public double[] sigmas() {
		final List<Double> sigmas = new ArrayList<>();
		for (double s = minSigma; s <= maxSigma * (1 + 1e-9); s *= 2)
			sigmas.add(s);
		return sigmas.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** The names of the planes a bank with these settings computes, in order. */
	public List<String> planeNames() {
		final List<String> names = new ArrayList<>();
		for (final Feature feature : features)
			feature.name(sigmas(), names);
		return names;
	}

	/** The family names, comma-separated, as {@link #parse} reads them. */
	public String names() {
		return features.stream().map(Feature::key).collect(Collectors.joining(","));
	}

	/** The settings as text entries, for a model file. */
	public Map<String, String> toMap() {
		final Map<String, String> map = new LinkedHashMap<>();
		map.put("features", names());
		map.put("features.minSigma", Double.toString(minSigma));
		map.put("features.maxSigma", Double.toString(maxSigma));
		return map;
	}

	/** The settings {@link #toMap} wrote; throws IllegalArgumentException on a missing or bad entry. */
	public static FeatureSettings fromMap(final Map<String, String> map) {
		final String names = map.get("features");
		if (names == null) throw new IllegalArgumentException("no 'features' entry");
		return parse(names).withSigmas(number(map, "features.minSigma"), number(map, "features.maxSigma"));
	}

	private static double number(final Map<String, String> map, final String key) {
		final String value = map.get(key);
		if (value == null) throw new IllegalArgumentException("no '" + key + "' entry");
		return Double.parseDouble(value);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof FeatureSettings && ((FeatureSettings) o).features.equals(features) &&
			((FeatureSettings) o).minSigma == minSigma && ((FeatureSettings) o).maxSigma == maxSigma;
	}

	@Override
	public int hashCode() {
		return features.hashCode() * 31 + Double.hashCode(minSigma) * 7 + Double.hashCode(maxSigma);
	}

	@Override
	public String toString() {
		return names() + " at sigma " + Arrays.toString(sigmas());
	}
}
