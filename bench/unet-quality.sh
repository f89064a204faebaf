#!/usr/bin/env bash
# U-Net quality on real CT with default settings (EPOCHS overrides the number of epochs): trains on the 10
# slices of ts_dicom_train and on 10 slices of ts_example_ct, scores held-out slices and the other scan
# (mean adjusted Rand index on truth > 0), beside the Sobel-watershed baseline on exactly the same slices.
#   bench/unet-quality.sh [EPOCHS]
# Two trainings of about 10 minutes each on 2 CPU cores. KEEP=folder keeps the models and slice lists there.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out=${KEEP:-$work}
mkdir -p "$out"
echo "== Few-Shot CT U-Net (TensorFlow Java, CPU, $(nproc) cores) and baseline"
TF_CPP_MIN_LOG_LEVEL=2 java -Xmx6g -Djava.awt.headless=true \
  -Dorg.bytedeco.javacpp.cachedir="${FEWSHOTCT_NATIVE_CACHE:-$HOME/.cache/few-shot-ct/javacpp}" \
  -cp "$classpath" org.fewshotct.bench.UNetQualityBench "$data" "$out" ${1:-} 2>"$out/java.err"
