package org.fewshotct.core.io.nifti;

import java.io.File;
import java.nio.ByteBuffer;

import org.fewshotct.core.UserInputException;

/** The NIfTI voxel types a CT or label volume comes in, and how to read one voxel of each. */
enum DataType {

	UINT8(2, 1, true), INT16(4, 2, true), INT32(8, 4, true), FLOAT32(16, 4, false), FLOAT64(64, 8, false),
	INT8(256, 1, true), UINT16(512, 2, true), UINT32(768, 4, true), INT64(1024, 8, true), UINT64(1280, 8, true);

	/** The NIfTI datatype code. */
	final int code;
	final int bytes;
	final boolean integer;

	DataType(final int code, final int bytes, final boolean integer) {
		this.code = code;
		this.bytes = bytes;
		this.integer = integer;
	}

	static DataType of(final int code, final File file) {
		for (final DataType type : values())
			if (type.code == code) return type;
		throw new UserInputException(file + " holds NIfTI datatype " + code + " (" + name(code) + "); a CT or label " +
			"volume must be one grey value per voxel: (u)int8/16/32/64, float32 or float64");
	}

	private static String name(final int code) {
		switch (code) {
			case 1:
				return "binary";
			case 32:
			case 1792:
				return "complex";
			case 128:
			case 2304:
				return "RGB";
			case 1536:
				return "float128";
			default:
				return "unknown";
		}
	}

	/** The voxel at the buffer's byte offset, as stored (before scl_slope/scl_inter). */
	double read(final ByteBuffer b, final int offset) {
		switch (this) {
			case UINT8:
				return b.get(offset) & 0xff;
			case INT8:
				return b.get(offset);
			case INT16:
				return b.getShort(offset);
			case UINT16:
				return b.getShort(offset) & 0xffff;
			case INT32:
				return b.getInt(offset);
			case UINT32:
				return b.getInt(offset) & 0xffffffffL;
			case INT64:
				return b.getLong(offset);
			case UINT64:
				final long v = b.getLong(offset);
				return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
			case FLOAT32:
				return b.getFloat(offset);
			default:
				return b.getDouble(offset);
		}
	}
}
