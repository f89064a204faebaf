package org.fewshotct.core.unet.tf;

import static org.tensorflow.internal.c_api.global.tensorflow.TFE_ContextListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_ContextOptionsSetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteContext;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteContextOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewContext;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewContextOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.internal.c_api.TFE_Context;
import org.tensorflow.internal.c_api.TFE_ContextOptions;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;

/** The device types TensorFlow finds on this machine ("CPU", "GPU", ...), asked once through the C API. */
final class Devices {

	private Devices() {}

	static List<String> types(final ConfigProto config) {
		final List<String> types = new ArrayList<>();
		final TF_Status status = TF_Status.newStatus();
		final TFE_ContextOptions options = TFE_NewContextOptions();
		try {
			final byte[] bytes = config.toByteArray();
			try (BytePointer serialized = new BytePointer(bytes)) {
				TFE_ContextOptionsSetConfig(options, serialized, bytes.length, status);
				status.throwExceptionIfNotOK();
			}
			final TFE_Context context = TFE_NewContext(options, status);
			status.throwExceptionIfNotOK();
			try {
				final TF_DeviceList list = TFE_ContextListDevices(context, status);
				status.throwExceptionIfNotOK();
				try {
					for (int i = 0; i < TF_DeviceListCount(list); i++) {
						final String type = TF_DeviceListType(list, i, status).getString();
						status.throwExceptionIfNotOK();
						types.add(type);
					}
				}
				finally {
					TF_DeleteDeviceList(list);
				}
			}
			finally {
				TFE_DeleteContext(context);
			}
		}
		finally {
			TFE_DeleteContextOptions(options);
			status.delete();
		}
		return types;
	}
}
