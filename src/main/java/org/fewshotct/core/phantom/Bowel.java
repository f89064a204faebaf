package org.fewshotct.core.phantom;

/**
 * Colon and small bowel loops: walls round fluid, stool or gas. They fill the cavity's free space, so they
 * press against the organs and against one another.
 */
final class Bowel {

	private static final int SMALL_BOWEL_TRIES = 60;

	private Bowel() {}

	static void paint(final Scene scene) {
		final double e = scene.patient.contrast;
		final double wall = 35 + 30 * e;
		colon(scene, -0.56, 0.02, 0.13, 0.12, scene.presence(0.15, 0.7, 0.05), wall);
		colon(scene, 0.6, 0.1, 0.1, 0.1, scene.presence(0.15, 0.8, 0.05), wall);
		colon(scene, 0.05, -0.62, 0.3, 0.1, scene.presence(0.55, 0.82, 0.05), wall);
		colon(scene, 0.05, 0.3, 0.1, 0.09, scene.presence(-1, 0.2, 0.05), wall);
		final double loops = scene.presence(0.05, 1.05, 0.15);
		for (int i = 0; i < SMALL_BOWEL_TRIES; i++) {
			final double u = scene.random.uniform(-0.65, 0.65);
			final double v = scene.random.uniform(-0.75, 0.35);
			final double r = scene.random.uniform(0.06, 0.13);
			final Outline outline = scene.blob(u, v, r, r * scene.random.uniform(0.45, 1), scene.random.uniform(0, 3),
				0.15);
			final double content = content(scene);
			// the structure is made before the test of free space, so the random stream does not depend on pixels
			final int loop = scene.structure(Kind.SMALL_BOWEL);
			final boolean place = scene.random.chance(loops) && scene.canvas.ownerAt(scene.x(u), scene.y(v)) == 0 &&
				scene.canvas.zoneAt(scene.x(u), scene.y(v)) == Canvas.CAVITY;
			if (!place) continue;
			scene.canvas.paint(outline, wall, loop, Canvas.CAVITY, Canvas.FREE);
			scene.canvas.paint(outline.scaled(0.68), content, loop, Canvas.CAVITY, loop);
		}
	}

	/** Small bowel content: fluid mostly, sometimes gas or oral contrast. */
	private static double content(final Scene scene) {
		final double pick = scene.random.nextDouble();
		if (pick < 0.08) return Torso.AIR;
		if (pick < 0.16) return scene.random.uniform(180, 300);
		return scene.random.uniform(5, 30);
	}

	/** A colon segment: gas-filled, or stool mottled with gas bubbles. */
	private static void colon(final Scene scene, final double u, final double v, final double rx, final double ry,
		final double presence, final double wall)
	{
		if (presence <= 0) return;
		final int colon = scene.structure(Kind.COLON);
		final Outline outline = scene.blob(u, v, rx * presence, ry * presence, scene.random.uniform(-0.3, 0.3), 0.15);
		final Outline lumen = outline.scaled(scene.random.uniform(0.75, 0.85));
		final boolean gas = scene.random.chance(0.35);
		final double stool = scene.random.uniform(-80, 20);
		final int bubbles = scene.random.between(3, 9);
		scene.canvas.paint(outline, wall, colon, Canvas.CAVITY, Canvas.FREE);
		scene.canvas.paint(lumen, gas ? Torso.AIR : stool, colon, Canvas.CAVITY, colon);
		for (int i = 0; i < bubbles; i++)
			scene.canvas.paint(bubble(scene, u, v, rx * presence, ry * presence), gas ? stool : Torso.AIR, colon,
				Canvas.CAVITY, colon);
	}

	/** A small round pocket inside a colon segment. */
	private static Outline bubble(final Scene scene, final double u, final double v, final double rx,
		final double ry)
	{
		final double r = scene.random.uniform(0.008, 0.025) * Math.min(1, 6 * Math.min(rx, ry));
		return scene.blob(u + 0.5 * rx * scene.random.uniform(-1, 1), v + 0.5 * ry * scene.random.uniform(-1, 1) *
			scene.a / scene.b, r, r, 0, 0.2);
	}
}
