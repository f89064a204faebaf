package org.fewshotct.core.phantom;

/**
 * What stays the same through one phantom stack, as through one patient's scan: build, fat, the contrast
 * phase, the noise level, organ sizes. Drawn from the seed alone, so every slice of a stack agrees.
 */
final class Patient {

	/** Half width of the body over the image size. */
	final double width;
	/** Half height of the body over its half width. */
	final double aspect;
	/** Body centre offset, as a fraction of the image size. */
	final double shiftX, shiftY;
	/** Superellipse exponents of the front and the back (the back lies flat on the table). */
	final double front, back;
	final Wobble bodyShape;
	/** Subcutaneous fat and abdominal wall thickness, as fractions of the body radius. */
	final double fat, wall;
	/** Contrast enhancement, 0 (none) to about 1 (portal venous phase). */
	final double contrast;
	/** Standard deviation of the image noise in HU, after blur. */
	final double noise;
	final double liver, spleen, kidneys;
	/** How far the table lies below the body, as a fraction of the image size. */
	final double table;

	Patient(final long seed) {
		final PhantomRandom random = PhantomRandom.stream(seed, -1);
		width = random.uniform(0.39, 0.46);
		aspect = random.uniform(0.66, 0.78);
		shiftX = random.uniform(-0.02, 0.02);
		shiftY = random.uniform(-0.01, 0.03);
		front = random.uniform(1.9, 2.2);
		back = random.uniform(2.3, 2.8);
		bodyShape = Wobble.random(random, 0.12);
		fat = random.uniform(0.04, 0.13);
		wall = random.uniform(0.03, 0.045);
		contrast = random.uniform(0.6, 1.1);
		noise = random.uniform(9, 16);
		liver = random.uniform(0.88, 1.12);
		spleen = random.uniform(0.8, 1.2);
		kidneys = random.uniform(0.9, 1.1);
		table = random.uniform(0.01, 0.03);
	}
}
