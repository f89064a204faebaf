package org.fewshotct.core.io;

import ij.ImagePlus;
import ij.io.FileInfo;

import java.io.File;
import java.io.IOException;

/**
 * Remembers which file or folder an image was read from, so writers can refuse to overwrite an input: saving
 * labels over the CT slices they came from would lose the data.
 */
public final class SourceFiles {

	private static final String PROPERTY = "FewShotCT.source";

	private SourceFiles() {}

	public static void remember(final ImagePlus image, final File source) {
		image.setProp(PROPERTY, canonical(source).getPath());
	}

	/**
	 * The file or folder the image was read from, or null: as the suite's readers recorded it, else as ImageJ's
	 * own openers did (a macro's {@code open(path)}).
	 */
	public static File of(final ImagePlus image) {
		final String path = image.getProp(PROPERTY);
		if (path != null && !path.isEmpty()) return new File(path);
		final FileInfo info = image.getOriginalFileInfo();
		if (info == null || info.directory == null || info.directory.isEmpty()) return null;
		return canonical(info.fileName == null || info.fileName.isEmpty() ? new File(info.directory) : new File(
			info.directory, info.fileName));
	}

	/** Refuses {@code target} if it is, or lies in, the source of any of the images. */
	public static void requireNotAnInput(final File target, final Iterable<ImagePlus> images) {
		final File t = canonical(target);
		for (final ImagePlus image : images) {
			final File source = of(image);
			if (source == null) continue;
			if (t.equals(source) || source.isDirectory() && source.equals(t.getParentFile()) || t.isDirectory() &&
				t.equals(source))
				throw new org.fewshotct.core.UserInputException("Refusing to write " + target + ": it would overwrite " +
					"the input '" + image.getTitle() + "' read from " + source);
		}
	}

	private static File canonical(final File file) {
		try {
			return file.getCanonicalFile();
		}
		catch (final IOException e) {
			return file.getAbsoluteFile();
		}
	}
}
