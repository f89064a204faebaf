package org.fewshotct.core.phantom;

import java.util.ArrayList;
import java.util.List;

/**
 * The solid organs and the vessels, painted in the abdominal cavity in an order that presses neighbours
 * together: the kidneys over the liver and spleen, the vena cava into the liver, so that structures of
 * similar density share borders and only their instance labels tell them apart.
 */
final class Organs {

	/** An organ that may hold lesions: its owner, body position, half axes and density. */
	static final class Host {

		final int owner;
		final double u, v, rx, ry, value;

		Host(final int owner, final double u, final double v, final double rx, final double ry, final double value) {
			this.owner = owner;
			this.u = u;
			this.v = v;
			this.rx = rx;
			this.ry = ry;
			this.value = value;
		}
	}

	private Organs() {}

	/** Paints the solid organs; returns those that may hold lesions. */
	static List<Host> paint(final Scene scene) {
		final List<Host> hosts = new ArrayList<>();
		final double e = scene.patient.contrast;
		liver(scene, 60 + 55 * e + scene.random.uniform(-8, 8), hosts);
		spleen(scene, 65 + 65 * e + scene.random.uniform(-8, 8), hosts);
		stomach(scene, e);
		pancreas(scene, 45 + 55 * e + scene.random.uniform(-6, 6));
		for (final int side : new int[] { -1, 1 })
			kidney(scene, side, 40 + 130 * e + scene.random.uniform(-10, 10), hosts);
		bladder(scene);
		return hosts;
	}

	private static void liver(final Scene scene, final double value, final List<Host> hosts) {
		final double right = scene.presence(0.42, 1.6, 0.3) * scene.patient.liver;
		final double left = scene.presence(0.7, 1.6, 0.2) * scene.patient.liver;
		final int liver = scene.structure(Kind.LIVER);
		final double u = -0.38 + scene.random.uniform(-0.04, 0.04);
		final double v = 0.02 + scene.random.uniform(-0.05, 0.05);
		final Outline rightLobe = scene.blob(u, v, 0.42 * right, 0.5 * right, scene.random.uniform(-0.3, 0.1), 0.12);
		final Outline leftLobe = scene.blob(0.05, -0.5, 0.4 * left, 0.2 * left, scene.random.uniform(0, 0.3), 0.15);
		if (right > 0) {
			scene.canvas.paint(rightLobe, value, liver, Canvas.CAVITY, Canvas.ANY);
			hosts.add(new Host(liver, u, v, 0.42 * right, 0.5 * right, value));
		}
		if (left > 0) scene.canvas.paint(leftLobe, value, liver, Canvas.CAVITY, Canvas.ANY);
		final int vessels = scene.random.between(1, 3);
		for (int i = 0; i < vessels; i++) {
			final int vessel = scene.structure(Kind.VESSEL);
			final double r = scene.random.uniform(0.015, 0.03);
			final Outline outline = scene.blob(u + 0.5 * 0.42 * right * scene.random.uniform(-1, 1), v + 0.5 * 0.5 *
				right * scene.random.uniform(-1, 1), r, r * scene.random.uniform(0.5, 1), scene.random.uniform(0, 3), 0.1);
			if (right > 0.3) scene.canvas.paint(outline, value + scene.random.uniform(25, 45), vessel, Canvas.CAVITY,
				liver);
		}
	}

	private static void spleen(final Scene scene, final double value, final List<Host> hosts) {
		final double s = scene.presence(0.6, 1.0, 0.15) * scene.patient.spleen;
		final int spleen = scene.structure(Kind.SPLEEN);
		final double u = 0.56 + scene.random.uniform(-0.04, 0.04);
		final double v = 0.32 + scene.random.uniform(-0.05, 0.05);
		final Outline outline = scene.blob(u, v, 0.13 * s, 0.25 * s, -0.6 + scene.random.uniform(-0.2, 0.2), 0.15);
		if (s <= 0) return;
		scene.canvas.paint(outline, value, spleen, Canvas.CAVITY, Canvas.ANY);
		hosts.add(new Host(spleen, u, v, 0.13 * s, 0.25 * s, value));
	}

	/** The stomach: a wall around fluid, with a cap of gas towards the front (the patient lies on the back). */
	private static void stomach(final Scene scene, final double e) {
		final double s = scene.presence(0.68, 1.2, 0.12);
		final int stomach = scene.structure(Kind.STOMACH);
		final Outline outline = scene.blob(0.3, -0.35, 0.24 * s, 0.17 * s, scene.random.uniform(0, 0.5), 0.12);
		final Outline lumen = outline.scaled(scene.random.uniform(0.7, 0.82));
		final double level = lumen.top() + (lumen.bottom() - lumen.top()) * scene.random.uniform(0.2, 0.7);
		final double fluid = scene.random.uniform(5, 25);
		if (s <= 0) return;
		scene.canvas.paint(outline, 40 + 40 * e, stomach, Canvas.CAVITY, Canvas.ANY);
		scene.canvas.paint(lumen, fluid, stomach, Canvas.CAVITY, stomach);
		scene.canvas.paint(lumen.above(level), Torso.AIR, stomach, Canvas.CAVITY, stomach);
	}

	/** Head to tail along the splenic vein, in front of the aorta. */
	private static void pancreas(final Scene scene, final double value) {
		final double s = scene.presence(0.56, 0.8, 0.06);
		final int pancreas = scene.structure(Kind.PANCREAS);
		final double shift = scene.random.uniform(-0.04, 0.04);
		final Outline head = scene.blob(-0.1, 0.0 + shift, 0.09 * s, 0.07 * s, 0, 0.15);
		final Outline body = scene.blob(0.12, 0.02 + shift, 0.11 * s, 0.05 * s, 0.2, 0.1);
		final Outline tail = scene.blob(0.32, 0.1 + shift, 0.1 * s, 0.045 * s, 0.45, 0.1);
		if (s <= 0) return;
		for (final Outline part : new Outline[] { head, body, tail })
			scene.canvas.paint(part, value, pancreas, Canvas.CAVITY, Canvas.ANY);
	}

	/** A kidney: bright cortex round a darker sinus on its inner side. */
	private static void kidney(final Scene scene, final int side, final double value, final List<Host> hosts) {
		final double s = (side < 0 ? scene.presence(0.28, 0.7, 0.1) : scene.presence(0.33, 0.75, 0.1)) *
			scene.patient.kidneys;
		final int kidney = scene.structure(Kind.KIDNEY);
		final double u = side * (0.34 + scene.random.uniform(-0.03, 0.03));
		final double v = 0.42 + scene.random.uniform(-0.04, 0.04);
		final Outline outline = scene.blob(u, v, 0.11 * s, 0.16 * s, side * -0.5, 0.1);
		final Outline sinus = scene.blob(u - side * 0.05 * s, v, 0.04 * s, 0.07 * s, side * -0.5, 0.2);
		final double sinusValue = scene.random.uniform(-40, 20);
		if (s <= 0) return;
		scene.canvas.paint(outline, value, kidney, Canvas.CAVITY, Canvas.ANY);
		if (s > 0.5) scene.canvas.paint(sinus, sinusValue, kidney, Canvas.CAVITY, kidney);
		hosts.add(new Host(kidney, u, v, 0.11 * s * 0.6, 0.16 * s * 0.6, value));
	}

	private static void bladder(final Scene scene) {
		final double s = StrictMath.sqrt(scene.presence(-1, 0.16, 0.1));
		final int bladder = scene.structure(Kind.BLADDER);
		final Outline outline = scene.blob(0, -0.3, 0.24 * s, 0.2 * s, 0, 0.1);
		final double value = scene.random.uniform(0, 15);
		if (s > 0) scene.canvas.paint(outline, value, bladder, Canvas.CAVITY, Canvas.ANY);
	}

	/** The aorta and the vena cava, or below their bifurcation the iliac arteries and veins. */
	static void vessels(final Scene scene) {
		final double e = scene.patient.contrast;
		final double artery = 50 + 170 * e + scene.random.uniform(-15, 15);
		final double vein = 40 + 110 * e + scene.random.uniform(-10, 10);
		final double v = Skeleton.VERTEBRA_V - 0.27 + scene.random.uniform(-0.02, 0.02);
		if (scene.z > 0.25) {
			paintVessel(scene, Kind.AORTA, 0.04, v, 0.055, 0.055, artery);
			paintVessel(scene, Kind.VENA_CAVA, -0.12, v + 0.03, 0.065, 0.042, vein);
		}
		else {
			final double spread = 0.1 + 0.8 * (0.25 - scene.z);
			for (final int side : new int[] { -1, 1 }) {
				paintVessel(scene, Kind.AORTA, side * spread, v - 0.05, 0.035, 0.035, artery);
				paintVessel(scene, Kind.VENA_CAVA, side * (spread + 0.04), v + 0.08, 0.04, 0.035, vein);
			}
		}
		final int small = scene.random.between(2, 6);
		for (int i = 0; i < small; i++) {
			final double r = scene.random.uniform(0.012, 0.02);
			final Outline outline = scene.blob(scene.random.uniform(-0.4, 0.4), scene.random.uniform(-0.5, 0.2), r, r,
				0, 0.1);
			scene.canvas.paint(outline, artery * 0.8, scene.structure(Kind.VESSEL), Canvas.CAVITY, Canvas.FREE);
		}
	}

	private static void paintVessel(final Scene scene, final Kind kind, final double u, final double v,
		final double rx, final double ry, final double value)
	{
		scene.canvas.paint(scene.blob(u, v, rx, ry, 0, 0.04), value, scene.structure(kind), Canvas.CAVITY,
			Canvas.ANY);
	}

	/** Tumour-like lesions inside the organs: darker (cyst-like or hypodense) or brighter (hypervascular). */
	static void lesions(final Scene scene, final List<Host> hosts) {
		for (final Host host : hosts) {
			final int count = host.ry > 0.3 ? scene.random.between(0, 3) : scene.random.chance(0.3) ? 1 : 0;
			for (int i = 0; i < count; i++) {
				final int lesion = scene.structure(Kind.LESION);
				final double r = scene.random.uniform(0.025, 0.075) * Math.min(1, 4 * Math.min(host.rx, host.ry));
				final Outline outline = scene.blob(host.u + 0.6 * host.rx * scene.random.uniform(-1, 1), host.v + 0.6 *
					host.ry * scene.random.uniform(-1, 1) * scene.a / scene.b, r, r * scene.random.uniform(0.7, 1),
					scene.random.uniform(0, 3), 0.2);
				final boolean dark = scene.random.chance(0.6);
				final double value = dark ? scene.random.uniform(5, 35) : host.value + scene.random.uniform(50, 90);
				final boolean rim = dark && scene.random.chance(0.3);
				scene.canvas.paint(outline, rim ? host.value + 35 : value, lesion, Canvas.CAVITY, host.owner);
				if (rim) scene.canvas.paint(outline.scaled(0.7), value, lesion, Canvas.CAVITY, lesion);
			}
		}
	}
}
