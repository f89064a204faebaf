package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.process.ByteProcessor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.fewshotct.testing.Refusals;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class OutputPathsTest {

	@Rule
	public TemporaryFolder temp = new TemporaryFolder();

	@Test
	public void refusesTheFilesAndFoldersOpenImagesWereReadFrom() throws IOException {
		final File csv = temp.newFile("y.csv");
		final File slices = temp.newFolder("slices");
		final File png = temp.newFile("slice.png");
		final ImagePlus fromCsv = image("y");
		SourceFiles.remember(fromCsv, csv);
		final ImagePlus fromFolder = image("slices");
		SourceFiles.remember(fromFolder, slices);
		// Opened by ImageJ itself (a macro's open()): its file info says where from.
		final ImagePlus opened = image("slice.png");
		final FileInfo info = new FileInfo();
		info.directory = temp.getRoot().getPath() + File.separator;
		info.fileName = "slice.png";
		opened.setFileInfo(info);
		final List<ImagePlus> inputs = Arrays.asList(fromCsv, fromFolder, opened);

		Refusals.assertRefused(() -> OutputPaths.requireFile(csv, inputs), "it would overwrite the input 'y'");
		Refusals.assertRefused(() -> OutputPaths.requireFile(new File(slices, "0.png"), inputs), "input 'slices'");
		Refusals.assertRefused(() -> OutputPaths.requireFolder(slices, inputs), "input 'slices'");
		Refusals.assertRefused(() -> OutputPaths.requireFile(png, inputs), "input 'slice.png'");
		OutputPaths.requireFile(new File(temp.getRoot(), "other.csv"), inputs);
	}

	@Test
	public void refusesTheWrongKindOfPath() throws IOException {
		final File folder = temp.newFolder("model.weka");
		final File file = temp.newFile("labels");
		Refusals.assertRefused(() -> OutputPaths.requireFile(folder, none()), "is a folder, not a file");
		Refusals.assertRefused(() -> OutputPaths.requireFolder(file, none()), "is a file, not a folder");
		Refusals.assertRefused(() -> OutputPaths.requireFile(new File(file, "x.csv"), none()), file +
			" is a file, not a folder");
	}

	@Test
	public void respectsWriteProtectionEvenForRoot() throws IOException {
		final File file = temp.newFile("protected.csv");
		Files.setPosixFilePermissions(file.toPath(), PosixFilePermissions.fromString("r--r--r--"));
		Refusals.assertRefused(() -> OutputPaths.requireFile(file, none()), "is write-protected");
		final File folder = temp.newFolder("read-only");
		Files.setPosixFilePermissions(folder.toPath(), PosixFilePermissions.fromString("r-xr-xr-x"));
		Refusals.assertRefused(() -> OutputPaths.requireFolder(new File(folder, "new/labels"), none()),
			"permission denied to write into the folder " + folder);
		Refusals.assertRefused(() -> OutputPaths.requireFile(new File(folder, "x.csv"), none()), "permission denied");
	}

	private static ImagePlus image(final String title) {
		return new ImagePlus(title, new ByteProcessor(2, 2));
	}

	private static List<ImagePlus> none() {
		return Collections.emptyList();
	}
}
