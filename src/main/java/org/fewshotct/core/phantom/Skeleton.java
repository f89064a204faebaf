package org.fewshotct.core.phantom;

/**
 * Bones and the muscles beside them: the spine with its canal, back muscles and psoas pressed against it,
 * the ribs in the wall above, the iliac wings and gluteal muscles below.
 */
final class Skeleton {

	/** Depth of the vertebral body's centre, in body units. */
	static final double VERTEBRA_V = 0.36;

	private Skeleton() {}

	static void paint(final Scene scene) {
		final double cortex = scene.random.uniform(700, 1000);
		final double marrow = scene.random.uniform(130, 220);
		gluteal(scene);
		psoas(scene);
		backMuscles(scene);
		vertebra(scene, cortex, marrow);
		ribs(scene, cortex, marrow);
		hips(scene, cortex, marrow);
	}

	private static void gluteal(final Scene scene) {
		final double s = scene.presence(-1, 0.3, 0.1);
		if (s <= 0) return;
		for (final int side : new int[] { -1, 1 })
			scene.canvas.paint(scene.blob(side * 0.45, 0.55, 0.32 * s, 0.2 * s, side * 0.35, 0.1), Torso.MUSCLE + 5,
				scene.structure(Kind.MUSCLE), Canvas.MUSCLE_WALL, Canvas.ANY);
	}

	private static void psoas(final Scene scene) {
		final double s = scene.presence(0.05, 0.65, 0.15);
		if (s <= 0) return;
		final double r = 0.05 + 0.07 * (0.65 - scene.z) / 0.6;
		for (final int side : new int[] { -1, 1 })
			scene.canvas.paint(scene.blob(side * (0.13 + r * 0.8), VERTEBRA_V + 0.02, r * s, r * s * 1.1, 0, 0.1),
				Torso.MUSCLE + scene.random.uniform(-6, 4), scene.structure(Kind.PSOAS), Canvas.CAVITY, Canvas.ANY);
	}

	/** Erector spinae: two muscles meeting behind the spine. */
	private static void backMuscles(final Scene scene) {
		for (final int side : new int[] { -1, 1 })
			scene.canvas.paint(scene.blob(side * 0.17, 0.74, 0.19, 0.15, side * 0.2, 0.1), Torso.MUSCLE + scene.random
				.uniform(-4, 6), scene.structure(Kind.BACK_MUSCLE), Canvas.MUSCLE_WALL, Canvas.ANY);
	}

	/** Vertebral body (cortex round marrow, the sacrum low down), arch, spinous and transverse processes. */
	private static void vertebra(final Scene scene, final double cortex, final double marrow) {
		final int vertebra = scene.structure(Kind.VERTEBRA);
		final boolean sacrum = scene.z < 0.2;
		final double r = 0.11;
		final Outline body = sacrum ? scene.blob(0, VERTEBRA_V + 0.12, 0.22, 0.07, 0, 0.1) : scene.blob(0, VERTEBRA_V,
			r, r * 0.9, 0, 0.06);
		paintBone(scene, body, cortex, marrow, vertebra, 0.78);
		final double canalV = VERTEBRA_V + (r + 0.06) * scene.a / scene.b + (sacrum ? 0.12 : 0);
		paintBone(scene, scene.blob(0, canalV, 0.085, 0.075, 0, 0.05), cortex, marrow, vertebra, 0.6);
		final double spine = 0.06 + 0.04 * scene.random.nextDouble();
		scene.canvas.paint(scene.blob(0, canalV + (0.06 + spine) * scene.a / scene.b, 0.025, spine, 0, 0.1), cortex,
			vertebra, Canvas.BODY, Canvas.ANY);
		if (!sacrum && scene.z < 0.75) {
			for (final int side : new int[] { -1, 1 })
				scene.canvas.paint(scene.blob(side * 0.11, canalV - 0.03, 0.07, 0.022, side * 0.3, 0.1), cortex,
					vertebra, Canvas.BODY, Canvas.ANY);
		}
		scene.canvas.paint(scene.blob(0, canalV, 0.05, 0.045, 0, 0.05), 25, scene.structure(Kind.SPINAL_CANAL),
			Canvas.BODY, Canvas.ANY);
	}

	/** Rib cross-sections inside the wall, from beside the spine round towards the front, more higher up. */
	private static void ribs(final Scene scene, final double cortex, final double marrow) {
		final double s = scene.presence(0.55, 2, 0.45);
		if (s <= 0) return;
		final int count = 2 + (int) Math.round(4 * s);
		final double span = 0.8 + 1.3 * s;
		final double depth = 1 - scene.patient.fat - 0.5 * scene.patient.wall;
		for (final int side : new int[] { -1, 1 }) {
			for (int i = 0; i < count; i++) {
				final double angle = Math.PI / 2 - 0.5 - span * (i + scene.random.uniform(-0.3, 0.3)) / count;
				final double t = side > 0 ? angle : Math.PI - angle;
				final double[] offset = scene.bodyOffset(t);
				final Outline rib = Outline.blob(scene.cx + offset[0] * depth, scene.cy + offset[1] * depth, scene.length(
					0.05), scene.length(0.022), t + Math.PI / 2, Wobble.random(scene.random, 0.1));
				paintBone(scene, rib, cortex, marrow, scene.structure(Kind.RIB), 0.5);
			}
		}
	}

	/** Iliac wings, from the sacrum out and forward, shorter and thicker towards the hip joints. */
	private static void hips(final Scene scene, final double cortex, final double marrow) {
		final double s = scene.presence(-1, 0.33, 0.08);
		if (s <= 0) return;
		final double up = Math.max(0, Math.min(1, (scene.z - 0.03) / 0.25));
		final double length = 0.17 + 0.07 * up;
		final double thickness = 0.12 - 0.075 * up;
		for (final int side : new int[] { -1, 1 }) {
			final double angle = StrictMath.atan2(-0.6 * scene.b, side * 0.45 * scene.a);
			final Outline wing = scene.blob(side * (0.5 - 0.05 * up), 0.15 + 0.1 * up, length * s, thickness * s, angle,
				0.12);
			paintBone(scene, wing, cortex, marrow, scene.structure(Kind.HIP), 0.75);
		}
	}

	/** A bone: bright cortex, its inner part marrow, both one structure. */
	private static void paintBone(final Scene scene, final Outline outline, final double cortex, final double marrow,
		final int owner, final double inner)
	{
		scene.canvas.paint(outline, cortex, owner, Canvas.BODY, Canvas.ANY);
		scene.canvas.paint(outline.scaled(inner), marrow, owner, Canvas.BODY, owner);
	}
}
