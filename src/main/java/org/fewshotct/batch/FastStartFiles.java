package org.fewshotct.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * {@code FastStartFiles FOLDER CLASSES}: writes what {@code bin/imagej-batch} starts from once a build has
 * been run once: ImageJ patched for headless use ({@value #IMAGEJ_JAR}) and the suite's classes folder as a
 * jar ({@value #SUITE_JAR}), since a class-data-sharing archive takes classes from jars only.
 */
public final class FastStartFiles {

	static final String IMAGEJ_JAR = "imagej-headless.jar";
	static final String SUITE_JAR = "few-shot-ct.jar";

	private FastStartFiles() {}

	public static void main(final String[] args) {
		if (args.length != 2) {
			System.err.println("Usage: FastStartFiles FOLDER CLASSES");
			System.exit(2);
		}
		try {
			final Path folder = Paths.get(args[0]);
			HeadlessImageJJar.write(folder.resolve(IMAGEJ_JAR));
			writeJar(Paths.get(args[1]), folder.resolve(SUITE_JAR));
		}
		catch (final IOException | RuntimeException e) {
			System.err.println("imagej-batch: cannot prepare the fast start in " + args[0] + ": " + e);
			System.exit(1);
		}
		System.exit(0);
	}

	/** Every folder and file under {@code classes} into {@code jar}, uncompressed: it is read at every start. */
	static void writeJar(final Path classes, final Path jar) throws IOException {
		final List<Path> entries;
		try (Stream<Path> walk = Files.walk(classes)) {
			entries = walk.filter(path -> !path.equals(classes)).sorted().collect(Collectors.toList());
		}
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.setLevel(0);
			for (final Path path : entries) {
				final String name = classes.relativize(path).toString().replace('\\', '/');
				final boolean folder = Files.isDirectory(path);
				out.putNextEntry(new ZipEntry(folder ? name + "/" : name));
				if (!folder) Files.copy(path, out);
				out.closeEntry();
			}
		}
	}
}
