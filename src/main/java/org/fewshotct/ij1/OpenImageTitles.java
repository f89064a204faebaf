package org.fewshotct.ij1;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.fewshotct.core.UserInputException;
import org.fewshotct.command.OpenImages;
import org.fewshotct.core.io.SourceFiles;

/**
 * Open images (windows, or batch-mode images in a macro) found by their exact title. A title names one image
 * or none: never an image ID, never the active image, and never the first of two images sharing a title.
 */
public final class OpenImageTitles {

	private OpenImageTitles() {}

	/** The one open image with this title, for a command's image key; refused when none or several have it. */
	public static ImagePlus image(final String key, final String title) {
		final List<ImagePlus> matches = new ArrayList<>();
		for (final ImagePlus image : OpenImages.all())
			if (image.getTitle().equals(title)) matches.add(image);
		if (matches.isEmpty())
			throw new UserInputException("No open image titled '" + title + "' (macro key '" + key + "=')");
		if (matches.size() > 1) {
			final StringBuilder which = new StringBuilder();
			for (final ImagePlus image : matches)
				which.append(which.length() == 0 ? "" : "; ").append(describe(image));
			throw new UserInputException(matches.size() + " open images are titled '" + title + "' (macro key '" + key +
				"='): " + which + ". Rename one (rename() in a macro) and give its new title");
		}
		return matches.get(0);
	}

	/** The image's ID and slices, and where it was read from when known: what tells two same-titled images apart. */
	public static String describe(final ImagePlus image) {
		final File source = SourceFiles.of(image);
		return "ID " + image.getID() + ", " + image.getStackSize() + (image.getStackSize() == 1 ? " slice" : " slices") +
			(source == null ? "" : ", from " + source);
	}
}
