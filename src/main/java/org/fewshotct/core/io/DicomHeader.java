package org.fewshotct.core.io;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fewshotct.core.UserInputException;

/**
 * The part of a DICOM file read before ImageJ sees it: the "DICM" mark at byte 128, which recognises a DICOM
 * file whatever its name, and the file meta information (always explicit VR little endian), which says how the
 * pixels are encoded. ImageJ decodes only uncompressed pixels, so anything else is refused here, naming the
 * file, the syntax and how to decompress it.
 */
final class DicomHeader {

	static final String IMPLICIT_LITTLE = "1.2.840.10008.1.2";
	static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";
	static final String EXPLICIT_BIG = "1.2.840.10008.1.2.2";

	private static final int PREAMBLE = 128;
	private static final int META_GROUP = 0x0002;
	private static final int TRANSFER_SYNTAX = 0x0010;

	/** Encodings ImageJ cannot decode, by transfer syntax UID. */
	private static final Map<String, String> COMPRESSED = new LinkedHashMap<>();
	static {
		COMPRESSED.put("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian");
		COMPRESSED.put("1.2.840.10008.1.2.4.50", "JPEG Baseline");
		COMPRESSED.put("1.2.840.10008.1.2.4.51", "JPEG Extended");
		COMPRESSED.put("1.2.840.10008.1.2.4.57", "JPEG Lossless");
		COMPRESSED.put("1.2.840.10008.1.2.4.70", "JPEG Lossless, first-order prediction");
		COMPRESSED.put("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless");
		COMPRESSED.put("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless");
		COMPRESSED.put("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless");
		COMPRESSED.put("1.2.840.10008.1.2.4.91", "JPEG 2000");
		COMPRESSED.put("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless");
		COMPRESSED.put("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000");
		COMPRESSED.put("1.2.840.10008.1.2.5", "RLE Lossless");
	}

	/** The transfer syntax UID (implicit VR little endian when the file meta names none). */
	final String transferSyntax;

	private DicomHeader(final String transferSyntax) {
		this.transferSyntax = transferSyntax;
	}

	/** Whether the file carries the "DICM" mark at byte 128. */
	static boolean isDicom(final File file) {
		try (InputStream in = Files.newInputStream(file.toPath())) {
			final byte[] head = in.readNBytes(PREAMBLE + 4);
			return head.length == PREAMBLE + 4 && head[PREAMBLE] == 'D' && head[PREAMBLE + 1] == 'I' &&
				head[PREAMBLE + 2] == 'C' && head[PREAMBLE + 3] == 'M';
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** Reads the file meta information of a file that {@link #isDicom} accepted. */
	static DicomHeader read(final File file) {
		String syntax = IMPLICIT_LITTLE;
		try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file
			.toPath()))))
		{
			in.readNBytes(PREAMBLE + 4);
			while (true) {
				final byte[] element = in.readNBytes(8);
				if (element.length < 8 || uint16(element, 0) != META_GROUP) break;
				final int tag = uint16(element, 2);
				final String vr = new String(element, 4, 2, StandardCharsets.US_ASCII);
				final long length = longValueRepresentation(vr) ? uint32(in.readNBytes(4), 0) : uint16(element, 6);
				if (length > 1 << 16) break;
				final byte[] value = in.readNBytes((int) length);
				if (tag == TRANSFER_SYNTAX) syntax = uid(value);
			}
		}
		catch (final EOFException e) {
			// a truncated header: ImageJ's reader says what is wrong with the rest
		}
		catch (final IOException e) {
			throw new UserInputException("Cannot read DICOM file " + file + ": " + e.getMessage(), e);
		}
		return new DicomHeader(syntax);
	}

	/** Refuses pixels that ImageJ's DICOM reader cannot decode, saying how to decompress them. */
	void requireDecodable(final File file) {
		if (transferSyntax.equals(IMPLICIT_LITTLE) || transferSyntax.equals(EXPLICIT_LITTLE) || transferSyntax.equals(
			EXPLICIT_BIG)) return;
		final String name = COMPRESSED.getOrDefault(transferSyntax, "an encoding ImageJ does not know");
		throw new UserInputException("Cannot read DICOM file " + file + ": its pixels are compressed (transfer " +
			"syntax " + transferSyntax + ", " + name + ") and ImageJ decodes only uncompressed DICOM. Decompress the " +
			"series first, e.g. with GDCM: gdcmconv --raw IN OUT, or with DCMTK: dcmdjpeg IN OUT (JPEG), dcmdrle IN OUT " +
			"(RLE), dcmdjpls IN OUT (JPEG-LS)");
	}

	private static boolean longValueRepresentation(final String vr) {
		switch (vr) {
			case "OB": case "OD": case "OF": case "OL": case "OV": case "OW": case "SQ": case "SV": case "UC":
			case "UN": case "UR": case "UT": case "UV":
				return true;
			default:
				return false;
		}
	}

	private static String uid(final byte[] value) {
		return new String(value, StandardCharsets.US_ASCII).replace("\0", "").trim();
	}

	private static int uint16(final byte[] b, final int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
	}

	private static long uint32(final byte[] b, final int at) {
		if (b.length < at + 4) return Long.MAX_VALUE;
		return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
	}
}
