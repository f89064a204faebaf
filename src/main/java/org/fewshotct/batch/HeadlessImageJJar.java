package org.fewshotct.batch;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import net.imagej.patcher.LegacyEnvironment;
import net.imagej.patcher.LegacyInjector;

/**
 * ImageJ 1.x's classes as {@link LegacyInjector#preinit()} patches them for headless use, written once into a
 * jar so that later runs load them ready-made (and from a class-data-sharing archive) instead of patching
 * ImageJ with Javassist at every start, which takes seconds.
 * <p>
 * Like {@code preinit()}, neither class may refer to {@code ij.*}: ImageJ's classes must not load unpatched.
 * </p>
 */
final class HeadlessImageJJar {

	private HeadlessImageJJar() {}

	/**
	 * Whether the {@code ij.IJ} on the class path is already patched, so that patching again is wrong: the
	 * patcher's own test, a {@code _hooks} member in the class, made on the class file before it loads.
	 */
	static boolean onClassPath() {
		try (InputStream in = HeadlessImageJJar.class.getClassLoader().getResourceAsStream("ij/IJ.class")) {
			if (in == null) return false;
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1).contains("_hooks");
		}
		catch (final IOException e) {
			return false;
		}
	}

	/**
	 * Patches ImageJ's classes exactly as {@code preinit()} does and writes them to {@code jar}, stopping the
	 * patcher before it loads them: this JVM never runs ImageJ.
	 */
	static void write(final Path jar) throws IOException {
		final LegacyEnvironment imagej;
		try {
			imagej = new LegacyEnvironment(HeadlessImageJJar.class.getClassLoader(), true);
		}
		catch (final ClassNotFoundException e) {
			throw new IOException("ImageJ 1.x is not on the class path", e);
		}
		imagej.disableInitializer();
		imagej.noPluginClassLoader();
		imagej.suppressIJ1ScriptDiscovery();
		afterPatching(imagej).add(callback(hacker -> {
			try {
				final Method writeJar = hacker.getClass().getMethod("writeJar", File.class);
				writeJar.setAccessible(true);
				writeJar.invoke(hacker, jar.toFile());
			}
			catch (final InvocationTargetException e) {
				throw new Stop(e.getCause());
			}
			catch (final ReflectiveOperationException e) {
				throw new Stop(e);
			}
			throw new Stop(null);
		}));
		try {
			imagej.applyPatches();
		}
		catch (final RuntimeException e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				if (cause instanceof Stop) {
					if (cause.getCause() == null) return;
					throw new IOException("Cannot write " + jar + ": " + cause.getCause(), cause.getCause());
				}
			}
			throw e;
		}
		throw new IOException("ij1-patcher did not patch ImageJ: " + jar + " not written");
	}

	/** Ends the patching once the jar is written (no cause) or could not be (the cause). */
	private static final class Stop extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Stop(final Throwable cause) {
			super(cause);
		}
	}

	/**
	 * The patcher's list of steps run after all its patches and before the classes load. It has no public
	 * hook there, so this reaches its fields; {@link #write} fails loudly if a new version renames them.
	 */
	@SuppressWarnings("unchecked")
	private static List<Object> afterPatching(final LegacyEnvironment imagej) throws IOException {
		try {
			final Field injector = LegacyEnvironment.class.getDeclaredField("injector");
			injector.setAccessible(true);
			final Field after = LegacyInjector.class.getDeclaredField("after");
			after.setAccessible(true);
			return (List<Object>) after.get(injector.get(imagej));
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			throw new IOException("Unsupported ij1-patcher version: " + e, e);
		}
	}

	/** The patcher's package-private {@code LegacyInjector.Callback}, calling {@code step} with its CodeHacker. */
	private static Object callback(final Consumer<Object> step) throws IOException {
		final Class<?> type;
		try {
			type = Class.forName(LegacyInjector.class.getName() + "$Callback");
		}
		catch (final ClassNotFoundException e) {
			throw new IOException("Unsupported ij1-patcher version: " + e, e);
		}
		final InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("call")) step.accept(args[0]);
			else if (method.getName().equals("equals")) return proxy == args[0];
			else if (method.getName().equals("hashCode")) return System.identityHashCode(proxy);
			else if (method.getName().equals("toString")) return "HeadlessImageJJar";
			return null;
		};
		return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}
}
