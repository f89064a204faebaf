package org.fewshotct.core.phantom;

/**
 * One slice being built: its canvas, its random stream, the patient and the slice's level, and the body's
 * frame. Positions are given in body units: {@code u} across (-1 image left .. 1 image right, the patient's
 * right on the image left as in radiology), {@code v} down (-1 front .. 1 back); lengths in body half widths.
 */
final class Scene {

	final Canvas canvas;
	final PhantomRandom random;
	final Patient patient;
	/** The slice's level: 0 the pelvis, 1 the lung bases. */
	final double z;
	/** Body centre and half axes in pixels. */
	final double cx, cy, a, b;
	private final Wobble bodyShape;

	Scene(final Canvas canvas, final PhantomRandom random, final Patient patient, final double z) {
		this.canvas = canvas;
		this.random = random;
		this.patient = patient;
		this.z = z;
		final int size = canvas.size;
		cx = size * (0.5 + patient.shiftX + random.uniform(-0.01, 0.01));
		cy = size * (0.5 + patient.shiftY + random.uniform(-0.01, 0.01));
		a = size * patient.width * (0.96 + 0.08 * z) * random.uniform(0.98, 1.02);
		b = a * patient.aspect * (1.04 - 0.08 * z) * random.uniform(0.98, 1.02);
		bodyShape = patient.bodyShape.times(random.uniform(0.7, 1.3));
	}

	double x(final double u) {
		return cx + u * a;
	}

	double y(final double v) {
		return cy + v * b;
	}

	double length(final double l) {
		return l * a;
	}

	/** An irregular ellipse at body position (u, v), half axes in body half widths. */
	Outline blob(final double u, final double v, final double rx, final double ry, final double angle,
		final double roughness)
	{
		return Outline.blob(x(u), y(v), length(rx), length(ry), angle, Wobble.random(random, roughness));
	}

	/** A new structure of this kind, annotated or not as an annotator would be. */
	int structure(final Kind kind) {
		return canvas.structure(kind, random.chance(kind.annotated));
	}

	/** The body outline scaled by {@code fraction} about its centre (1: the skin). */
	Outline body(final double fraction) {
		final int n = Outline.vertices(a * fraction);
		final double[] dx = new double[n];
		final double[] dy = new double[n];
		for (int i = 0; i < n; i++) {
			final double[] d = bodyOffset(2 * Math.PI * i / n);
			dx[i] = d[0] * fraction;
			dy[i] = d[1] * fraction;
		}
		return Outline.radial(cx, cy, dx, dy);
	}

	/** The skin's offset from the body centre at parameter {@code t} (0: image right, pi/2: the back). */
	double[] bodyOffset(final double t) {
		final double c = StrictMath.cos(t);
		final double s = StrictMath.sin(t);
		final double exponent = 2 / (s > 0 ? patient.back : patient.front);
		final double r = bodyShape.radius(t);
		return new double[] { a * r * Math.signum(c) * StrictMath.pow(Math.abs(c), exponent),
			b * r * Math.signum(s) * StrictMath.pow(Math.abs(s), exponent) };
	}

	/** How much of a structure shows at this level: 0 outside [from, to], rising to 1 over {@code ramp}. */
	double presence(final double from, final double to, final double ramp) {
		if (z <= from || z >= to) return 0;
		return Math.min(1, Math.min(z - from, to - z) / ramp);
	}
}
