#!/usr/bin/env bash
# U-Net quality on real CT with default settings (EPOCHS overrides the number of epochs), beside the Weka
# method (default settings, same training slices) and the Sobel-watershed baseline, all scored on the same
# unseen slices (mean adjusted Rand index on truth > 0):
#   ts_dicom_train slices 0-4 -> its slices 5-9;  ts_dicom_train (10) -> ts_example_ct (112);
#   10 slices of ts_example_ct -> its other 102 slices and ts_dicom_train.
#   bench/unet-quality.sh [EPOCHS]
# Three U-Net trainings of 5 to 10 minutes each on 2 CPU cores. KEEP=folder keeps the models there.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out=${KEEP:-$work}
mkdir -p "$out"
echo "== Few-Shot CT U-Net (TensorFlow Java, CPU, $(nproc) cores), Weka and baseline"
TF_CPP_MIN_LOG_LEVEL=2 java -Xmx6g -Djava.awt.headless=true \
  -Dorg.bytedeco.javacpp.cachedir="${FEWSHOTCT_NATIVE_CACHE:-$HOME/.cache/few-shot-ct/javacpp}" \
  -cp "$classpath" org.fewshotct.bench.UNetQualityBench "$data" "$out" ${1:-} 2>"$out/java.err" || failed "$out/java.err"
