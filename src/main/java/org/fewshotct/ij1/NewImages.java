package org.fewshotct.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

import java.util.HashSet;
import java.util.Set;

import org.fewshotct.command.OpenImages;

/**
 * Images a command opened or made, on their way to the user: each gets a title no open image has, so an image
 * key that names it finds it and nothing else; where that differs from the title it came with, the log says so
 * (only then: batch users read the log on stdout beside their macro's own output).
 */
public final class NewImages {

	private NewImages() {}

	/** True when the image is not open yet: a command's output to show, not one of its inputs. */
	public static boolean isNew(final ImagePlus image) {
		return WindowManager.getImage(image.getID()) == null;
	}

	/** Gives a new image a title no open image has (ImageJ's {@code -1}, {@code -2} suffixes); logs a change. */
	public static void title(final String label, final ImagePlus image) {
		final String title = image.getTitle();
		final String unique = unique(title);
		if (unique.equals(title)) return;
		image.setTitle(unique);
		IJ.log(label + ": new image '" + unique + "' ('" + title + "' is the title of an open image)");
	}

	/** Titles and shows a new image (as a batch-mode image where there is no screen), making it the active one. */
	public static void show(final String label, final ImagePlus image) {
		title(label, image);
		image.show();
	}

	private static String unique(final String title) {
		final Set<String> taken = new HashSet<>();
		for (final ImagePlus open : OpenImages.all())
			taken.add(open.getTitle());
		if (!taken.contains(title)) return title;
		for (int n = 1;; n++)
			if (!taken.contains(title + "-" + n)) return title + "-" + n;
	}
}
