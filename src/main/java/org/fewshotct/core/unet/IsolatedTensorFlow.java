package org.fewshotct.core.unet;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * TensorFlow Java in a class loader of its own, so that it works beside the legacy TensorFlow 1.x classes
 * that Fiji installations with CSBDeep or StarDist carry under the same names ({@code org.tensorflow.Graph},
 * {@code Session}, ...). The loader sees the TensorFlow Java jars, JavaCPP, protobuf and this suite's
 * {@code unet.tf} package, and loads those child-first; everything else (the JDK, ImageJ, this package's
 * interfaces) comes from the parent. Nothing outside {@code unet.tf} names a TensorFlow class.
 * <p>
 * Native libraries bind to one class loader for the life of the JVM, so there is one such loader per JVM.
 * When a GPU build of the native library is on the class path it is tried first; if it cannot start and a
 * CPU build is there too, TensorFlow starts on the CPU build and {@link #fallback()} says why.
 * </p>
 */
public final class IsolatedTensorFlow {

	static final String BACKEND = "org.fewshotct.core.unet.tf.TensorFlowBackend";

	/** Packages loaded child-first, so that legacy TensorFlow classes of the same names never leak in. */
	private static final String[] ISOLATED = { "org.tensorflow.", "org.bytedeco.", "com.google.protobuf.",
		"org.fewshotct.core.unet.tf." };

	/** One class of each jar TensorFlow Java needs (none of them exists in legacy TensorFlow 1.x). */
	private static final String[] MARKERS = { //
		"org/tensorflow/ConcreteFunction.class", // tensorflow-core-api
		"org/tensorflow/ndarray/NdArray.class", // ndarray
		"org/tensorflow/internal/c_api/global/tensorflow.class", // tensorflow-core-native (classes)
		"org/tensorflow/framework/optimizers/Adam.class", // tensorflow-framework
		"org/bytedeco/javacpp/Loader.class", // javacpp
		// protobuf-java 4 (TensorFlow Java's generated code checks this class), never an older protobuf beside it
		"com/google/protobuf/RuntimeVersion.class",
		BACKEND.replace('.', '/') + ".class" }; // this suite's TensorFlow side

	private static UNetBackend backend;
	private static String fallback;
	private static RuntimeException failure;

	private IsolatedTensorFlow() {}

	/** The backend, starting TensorFlow on first use. Throws {@link IllegalStateException} if it cannot start. */
	public static synchronized UNetBackend backend() {
		if (backend != null) return backend;
		if (failure != null) throw failure;
		try {
			backend = start(IsolatedTensorFlow.class.getClassLoader());
			return backend;
		}
		catch (final RuntimeException e) {
			failure = e;
			throw e;
		}
	}

	/** Why TensorFlow runs on the CPU although a GPU build is installed; null when it does not. */
	public static synchronized String fallback() {
		return fallback;
	}

	private static UNetBackend start(final ClassLoader parent) {
		final List<URL> common = new ArrayList<>();
		for (final String marker : MARKERS)
			common.add(root(parent, marker));
		final String library = "org/tensorflow/internal/c_api/" + platform();
		final List<URL> gpu = roots(parent, library + "-gpu/" + System.mapLibraryName("jnitensorflow"));
		final List<URL> cpu = roots(parent, library + "/" + System.mapLibraryName("jnitensorflow"));
		if (gpu.isEmpty() && cpu.isEmpty())
			throw new IllegalStateException("No TensorFlow native library for " + platform() + " on the class path " +
				"(tensorflow-core-native with classifier " + platform() + " or " + platform() + "-gpu)");
		String gpuFailure = null;
		if (!gpu.isEmpty()) {
			try {
				final UNetBackend started = instantiate(common, gpu, parent);
				if (!started.gpu()) fallback = "The GPU build of TensorFlow sees no GPU (it needs an NVIDIA GPU, CUDA 12 " +
					"and cuDNN >= 9.3 on LD_LIBRARY_PATH), so TensorFlow runs on the CPU";
				return started;
			}
			catch (final RuntimeException | LinkageError e) {
				if (cpu.isEmpty()) throw new IllegalStateException("The GPU build of TensorFlow could not start (it needs " +
					"CUDA 12 and cuDNN >= 9.3 on LD_LIBRARY_PATH): " + reason(e), e);
				gpuFailure = reason(e);
			}
		}
		try {
			final UNetBackend started = instantiate(common, cpu, parent);
			if (gpuFailure != null) fallback = "The GPU build of TensorFlow could not start (it needs CUDA 12 and " +
				"cuDNN >= 9.3 on LD_LIBRARY_PATH), so TensorFlow runs on the CPU: " + gpuFailure;
			return started;
		}
		catch (final RuntimeException | LinkageError e) {
			throw new IllegalStateException("TensorFlow could not start: " + reason(e), e);
		}
	}

	private static UNetBackend instantiate(final List<URL> common, final List<URL> natives, final ClassLoader parent) {
		final Set<URL> urls = new LinkedHashSet<>(common);
		urls.addAll(natives);
		final ClassLoader loader = new ChildFirstLoader(urls.toArray(new URL[0]), parent);
		try {
			return (UNetBackend) loader.loadClass(BACKEND).getConstructor().newInstance();
		}
		catch (final ReflectiveOperationException e) {
			final Throwable cause = e.getCause() != null ? e.getCause() : e;
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IllegalStateException(cause.toString(), cause);
		}
	}

	private static String reason(final Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t)
			t = t.getCause();
		return t == e ? e.toString() : e + " (" + t + ")";
	}

	/** JavaCPP's name for this platform, e.g. linux-x86_64. */
	static String platform() {
		final String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		final String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		final String osName = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : os.replaceAll(
			"\\s+", "");
		final String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64")
			? "arm64" : arch;
		return osName + "-" + archName;
	}

	/** The jar or class folder that holds a resource, as the parent loader sees it first. */
	private static URL root(final ClassLoader parent, final String resource) {
		final List<URL> roots = roots(parent, resource);
		if (roots.isEmpty()) throw new IllegalStateException("TensorFlow Java is incomplete on the class path: no " +
			resource);
		return roots.get(0);
	}

	private static List<URL> roots(final ClassLoader parent, final String resource) {
		final List<URL> roots = new ArrayList<>();
		try {
			for (final URL url : Collections.list(parent.getResources(resource)))
				roots.add(root(url, resource));
		}
		catch (final IOException e) {
			throw new IllegalStateException("Cannot search the class path for " + resource + ": " + e.getMessage(), e);
		}
		return roots;
	}

	private static URL root(final URL url, final String resource) {
		final String s = url.toString();
		try {
			if (s.startsWith("jar:") && s.endsWith("!/" + resource)) return new URL(s.substring(4, s.length() -
				resource.length() - 2));
			if (s.endsWith("/" + resource)) return new URL(s.substring(0, s.length() - resource.length()));
		}
		catch (final MalformedURLException e) {
			throw new IllegalStateException("Unexpected class path entry " + s, e);
		}
		throw new IllegalStateException("Unexpected class path entry " + s);
	}

	/** Loads the isolated packages from its own jars only (never from the parent), the rest parent-first. */
	private static final class ChildFirstLoader extends URLClassLoader {

		static {
			registerAsParallelCapable();
		}

		ChildFirstLoader(final URL[] urls, final ClassLoader parent) {
			super(urls, parent);
		}

		@Override
		protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException {
			if (!isolated(name)) return super.loadClass(name, resolve);
			synchronized (getClassLoadingLock(name)) {
				Class<?> c = findLoadedClass(name);
				if (c == null) c = findClass(name);
				if (resolve) resolveClass(c);
				return c;
			}
		}

		@Override
		public URL getResource(final String name) {
			return isolated(name.replace('/', '.')) ? findResource(name) : super.getResource(name);
		}

		@Override
		public Enumeration<URL> getResources(final String name) throws IOException {
			return isolated(name.replace('/', '.')) ? findResources(name) : super.getResources(name);
		}

		private static boolean isolated(final String name) {
			for (final String prefix : ISOLATED)
				if (name.startsWith(prefix)) return true;
			return false;
		}
	}
}
