package org.fewshotct.core.unet;

/** For macros run by the tests: where the application class loader finds TensorFlow's Graph class. */
public final class TensorFlowOnClassPath {

	private TensorFlowOnClassPath() {}

	public static String graphSource() throws ClassNotFoundException {
		// Not initialised: legacy TensorFlow's Graph would load its own native library, absent here.
		return Class.forName("org.tensorflow.Graph", false, TensorFlowOnClassPath.class.getClassLoader())
			.getProtectionDomain().getCodeSource().getLocation().toString();
	}
}
