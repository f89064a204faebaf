package org.fewshotct.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

/**
 * Writes minimal valid CT DICOM files for tests: explicit VR little endian (or any transfer syntax UID named in
 * the header), signed or unsigned 16-bit pixels, rescale slope and intercept, position, orientation, instance
 * number and series UID. Each setting returns a new writer, so one writer describes a series.
 */
public final class DicomWriter {

	public static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";
	private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
	private static final String ROOT = "1.2.826.0.1.3680043.9.7777";

	private final boolean signed;
	private final double slope;
	private final double intercept;
	private final String series;
	private final String syntax;
	private final double[] position;
	private final double[] orientation;
	private final Integer instance;

	private DicomWriter(final boolean signed, final double slope, final double intercept, final String series,
		final String syntax, final double[] position, final double[] orientation, final Integer instance)
	{
		this.signed = signed;
		this.slope = slope;
		this.intercept = intercept;
		this.series = series;
		this.syntax = syntax;
		this.position = position;
		this.orientation = orientation;
		this.instance = instance;
	}

	/** Signed pixels holding HU themselves (slope 1, intercept 0), as many scanners write them. */
	public static DicomWriter signedHu() {
		return new DicomWriter(true, 1, 0, ROOT + ".1", EXPLICIT_LITTLE, null, new double[] { 1, 0, 0, 0, 1, 0 },
			null);
	}

	/** Unsigned pixels holding HU + 1024 (slope 1, intercept -1024). */
	public static DicomWriter unsignedHu() {
		return signedHu().pixels(false, 1, -1024);
	}

	/** Pixel representation and rescale: HU = intercept + slope * stored value. */
	public DicomWriter pixels(final boolean signedPixels, final double rescaleSlope, final double rescaleIntercept) {
		return new DicomWriter(signedPixels, rescaleSlope, rescaleIntercept, series, syntax, position, orientation,
			instance);
	}

	public DicomWriter series(final String uid) {
		return new DicomWriter(signed, slope, intercept, uid, syntax, position, orientation, instance);
	}

	/** The transfer syntax UID in the header (the pixels stay uncompressed: enough to test a refusal). */
	public DicomWriter syntax(final String uid) {
		return new DicomWriter(signed, slope, intercept, series, uid, position, orientation, instance);
	}

	public DicomWriter position(final double x, final double y, final double z) {
		return new DicomWriter(signed, slope, intercept, series, syntax, new double[] { x, y, z }, orientation,
			instance);
	}

	/** Row and column direction cosines. */
	public DicomWriter orientation(final double... cosines) {
		return new DicomWriter(signed, slope, intercept, series, syntax, position, cosines.clone(), instance);
	}

	public DicomWriter instance(final int number) {
		return new DicomWriter(signed, slope, intercept, series, syntax, position, orientation, number);
	}

	/** Writes one slice of Hounsfield units (row-major), stored through this writer's rescale. */
	public void write(final File file, final int width, final int height, final double[] hu) throws IOException {
		final byte[] pixels = new byte[2 * width * height];
		for (int i = 0; i < width * height; i++) {
			final long stored = Math.round((hu[i] - intercept) / slope);
			if (stored < (signed ? -32768 : 0) || stored > (signed ? 32767 : 65535)) throw new IllegalArgumentException(
				hu[i] + " HU does not fit these pixels");
			pixels[2 * i] = (byte) stored;
			pixels[2 * i + 1] = (byte) (stored >> 8);
		}
		final String instanceUid = ROOT + ".2." + Math.abs(file.getName().hashCode());
		final Elements meta = new Elements();
		meta.element(0x0002, 0x0001, "OB", new byte[] { 0, 1 });
		meta.text(0x0002, 0x0002, "UI", CT_IMAGE_STORAGE);
		meta.text(0x0002, 0x0003, "UI", instanceUid);
		meta.text(0x0002, 0x0010, "UI", syntax);
		meta.text(0x0002, 0x0012, "UI", ROOT + ".3");
		final Elements data = new Elements();
		data.text(0x0008, 0x0016, "UI", CT_IMAGE_STORAGE);
		data.text(0x0008, 0x0018, "UI", instanceUid);
		data.text(0x0008, 0x0060, "CS", "CT");
		data.text(0x0020, 0x000D, "UI", ROOT + ".4");
		data.text(0x0020, 0x000E, "UI", series);
		if (instance != null) data.text(0x0020, 0x0013, "IS", instance.toString());
		if (position != null) data.text(0x0020, 0x0032, "DS", decimals(position));
		if (orientation != null) data.text(0x0020, 0x0037, "DS", decimals(orientation));
		data.unsigned(0x0028, 0x0002, 1);
		data.text(0x0028, 0x0004, "CS", "MONOCHROME2");
		data.unsigned(0x0028, 0x0010, height);
		data.unsigned(0x0028, 0x0011, width);
		data.text(0x0028, 0x0030, "DS", "0.5\\0.5");
		data.unsigned(0x0028, 0x0100, 16);
		data.unsigned(0x0028, 0x0101, 16);
		data.unsigned(0x0028, 0x0102, 15);
		data.unsigned(0x0028, 0x0103, signed ? 1 : 0);
		data.text(0x0028, 0x1052, "DS", decimals(intercept));
		data.text(0x0028, 0x1053, "DS", decimals(slope));
		data.element(0x7FE0, 0x0010, "OW", pixels);
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[128]);
		out.write("DICM".getBytes(StandardCharsets.US_ASCII));
		final Elements length = new Elements();
		length.unsigned32(0x0002, 0x0000, meta.size());
		length.out.writeTo(out);
		meta.out.writeTo(out);
		data.out.writeTo(out);
		Files.write(file.toPath(), out.toByteArray());
	}

	private static String decimals(final double... values) {
		final StringBuilder text = new StringBuilder();
		for (final double v : values)
			text.append(text.length() == 0 ? "" : "\\").append(v == Math.rint(v) ? Long.toString((long) v) : String
				.format(Locale.ROOT, "%.6g", v).trim());
		return text.toString();
	}

	/** Data elements in explicit VR little endian. */
	private static final class Elements {

		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		int size() {
			return out.size();
		}

		void text(final int group, final int element, final String vr, final String value) {
			final byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
			final byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + (bytes.length & 1));
			if ((bytes.length & 1) == 1) padded[bytes.length] = (byte) (vr.equals("UI") ? 0 : ' ');
			element(group, element, vr, padded);
		}

		void unsigned(final int group, final int element, final int value) {
			element(group, element, "US", new byte[] { (byte) value, (byte) (value >> 8) });
		}

		void unsigned32(final int group, final int element, final int value) {
			element(group, element, "UL", new byte[] { (byte) value, (byte) (value >> 8), (byte) (value >> 16),
				(byte) (value >> 24) });
		}

		void element(final int group, final int element, final String vr, final byte[] value) {
			short16(group);
			short16(element);
			out.write(vr.charAt(0));
			out.write(vr.charAt(1));
			if (vr.equals("OB") || vr.equals("OW")) {
				short16(0);
				short16(value.length);
				short16(value.length >>> 16);
			}
			else short16(value.length);
			out.write(value, 0, value.length);
		}

		private void short16(final int v) {
			out.write(v & 0xff);
			out.write((v >> 8) & 0xff);
		}
	}
}
