package org.fewshotct.core.phantom;

/** The body's layers from the skin in, the table under it, and the lung bases. */
final class Torso {

	static final double AIR = -1000, SKIN = 30, FAT = -100, MUSCLE = 52, VISCERAL_FAT = -92, LUNG = -860;

	private Torso() {}

	static void paint(final Scene scene) {
		final Canvas canvas = scene.canvas;
		final Patient p = scene.patient;
		table(scene);
		canvas.layer(scene.body(1), Canvas.BODY, SKIN, 0);
		final double skin = Math.max(1.0, 0.012 * scene.a) / scene.a;
		canvas.layer(scene.body(1 - skin), Canvas.BODY, FAT + scene.random.uniform(-8, 8), 0);
		canvas.layer(scene.body(1 - p.fat), Canvas.MUSCLE_WALL, MUSCLE, scene.structure(Kind.MUSCLE));
		canvas.layer(scene.body(1 - p.fat - p.wall), Canvas.CAVITY, VISCERAL_FAT + scene.random.uniform(-8, 8), 0);
	}

	/** A curved table top and a thinner plate below it, under the patient's back. */
	private static void table(final Scene scene) {
		final int size = scene.canvas.size;
		final double top = scene.y(1) + size * scene.patient.table;
		final double thickness = Math.max(1.2, 0.008 * size);
		band(scene, top, thickness, scene.random.uniform(-150, 50));
		band(scene, top + 0.04 * size, thickness * 0.6, scene.random.uniform(-350, -150));
	}

	private static void band(final Scene scene, final double top, final double thickness, final double value) {
		final int size = scene.canvas.size;
		final double half = 0.46 * size;
		final int n = 24;
		final double[] dx = new double[2 * n];
		final double[] dy = new double[2 * n];
		for (int i = 0; i < n; i++) {
			final double f = -1 + 2.0 * i / (n - 1);
			final double sag = -0.03 * size * f * f;
			dx[i] = f * half;
			dy[i] = sag;
			dx[2 * n - 1 - i] = f * half;
			dy[2 * n - 1 - i] = sag + thickness;
		}
		scene.canvas.paint(Outline.radial(scene.cx, top, dx, dy), value, 0, Canvas.AIR, Canvas.FREE);
	}

	/** The lung bases behind the liver and spleen, near the top of the abdomen. */
	static void lungs(final Scene scene) {
		final double presence = scene.presence(0.84, 1.5, 0.16);
		for (final int side : new int[] { -1, 1 }) {
			final int lung = scene.structure(Kind.LUNG);
			final Outline outline = scene.blob(side * 0.5, 0.5, 0.34 * presence, 0.2 * presence, side * 0.5, 0.15);
			if (presence > 0) scene.canvas.paint(outline, LUNG, lung, Canvas.CAVITY, Canvas.ANY);
		}
	}
}
