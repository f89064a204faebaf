package org.fewshotct.core.unet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.fewshotct.command.UNetMacroTest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The U-Net trains and segments in a JVM whose class path starts with other TensorFlow: the legacy
 * TensorFlow 1.15 jar that Fiji carries with CSBDeep/StarDist (org.tensorflow.Graph, Session, ... under the
 * same names), and a GPU build of the native library that cannot start.
 */
public class UNetBesideLegacyTensorFlowTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void trainsAndSegmentsBehindLegacyTensorFlowAndABrokenGpuBuild() throws Exception {
		final File legacy = new File("target/legacy-tensorflow/libtensorflow-1.15.0.jar");
		assertTrue("mvn test copies " + legacy, legacy.isFile());
		final File brokenGpu = temp.newFile("tensorflow-core-native-linux-x86_64-gpu.jar");
		try (ZipOutputStream jar = new ZipOutputStream(new FileOutputStream(brokenGpu))) {
			jar.putNextEntry(new ZipEntry("org/tensorflow/internal/c_api/" + IsolatedTensorFlow.platform() + "-gpu/" +
				System.mapLibraryName("jnitensorflow")));
			jar.write("not a library".getBytes(StandardCharsets.UTF_8));
		}
		final String out = runMacro(legacy.getAbsolutePath() + File.pathSeparator + brokenGpu.getAbsolutePath(),
			"print('Graph from ' + call('" + TensorFlowOnClassPath.class.getName() + ".graphSource'));\n" +
				UNetMacroTest.trainAndSegment(new File(temp.getRoot(), "m.unet")));
		assertTrue(out, out.contains("Graph from " + legacy.getAbsoluteFile().toURI()));
		assertTrue(out, out.contains("The GPU build of TensorFlow could not start (it needs CUDA 12 and cuDNN >= 9.3 " +
			"on LD_LIBRARY_PATH), so TensorFlow runs on the CPU"));
		assertTrue(out, out.contains("segmented phantom-ct-unet 4 64 16"));
	}

	/** Runs a macro headless in a fresh JVM with {@code first} ahead of the suite's class path; its stdout. */
	private String runMacro(final String first, final String macro) throws Exception {
		final File file = temp.newFile("macro.ijm");
		Files.write(file.toPath(), macro.getBytes(StandardCharsets.UTF_8));
		final String classpath = first + File.pathSeparator + new File("target/test-classes")
			.getAbsolutePath() + File.pathSeparator + new File("target/classes").getAbsolutePath() + File.pathSeparator +
			new String(Files.readAllBytes(new File("target/classpath.txt").toPath()), StandardCharsets.UTF_8).trim();
		final List<String> command = new ArrayList<>(Arrays.asList(System.getProperty("java.home") + "/bin/java",
			"--add-opens=java.base/java.lang=ALL-UNNAMED", "-Djava.awt.headless=true", "-Dorg.bytedeco.javacpp.cachedir=" +
				System.getProperty("user.home") + "/.cache/few-shot-ct/javacpp", "-cp", classpath,
			"org.fewshotct.batch.ImageJBatch", file.getPath()));
		final File out = temp.newFile("out.txt");
		final File err = temp.newFile("err.txt");
		final Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
		assertTrue("finished in time", process.waitFor(5, TimeUnit.MINUTES));
		final String stdout = new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8);
		assertEquals(stdout + new String(Files.readAllBytes(err.toPath()), StandardCharsets.UTF_8), 0, process
			.exitValue());
		return stdout;
	}
}
