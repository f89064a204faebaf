package org.fewshotct.command;

import ij.ImagePlus;
import ij.WindowManager;

import java.util.ArrayList;
import java.util.List;

/** The images open in ImageJ (windows, or batch-mode images in a macro). */
public final class OpenImages {

	private OpenImages() {}

	public static List<ImagePlus> all() {
		final List<ImagePlus> images = new ArrayList<>();
		final int[] ids = WindowManager.getIDList();
		if (ids != null) for (final int id : ids) {
			final ImagePlus image = WindowManager.getImage(id);
			if (image != null) images.add(image);
		}
		return images;
	}
}
