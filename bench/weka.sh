#!/usr/bin/env bash
# Speed and memory of the Weka method with its default settings on real CT (512x512):
#   training time on the 10 labelled slices of ts_dicom_train; apply time per slice; and a 500-slice stack
#   (the 10 slices repeated 50 times, pixels copied) applied in a JVM limited to a 2 GB heap, with its peak
#   heap in use and peak resident memory. Goals on 2 cores: <= 2 s per slice; 500 slices within -Xmx2g.
#   bench/weka.sh [REPEAT]      (default 50)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
repeat=${1:-50}
images=$data/ts_dicom_train/images
labels=$data/ts_dicom_train/labels

echo "== baseline (scikit-image peer, on images8): seconds per slice, for scale"
(cd "$peers" && "$python" baseline_skimage.py "$data/ts_dicom_train/images8" "$work/baseline")

echo "== Few-Shot CT Weka, default settings, $(nproc) cores"
java -Xmx4g -cp "$classpath" org.fewshotct.bench.WekaSpeedBench train "$images" "$labels" "$work/model.weka"
/usr/bin/time -f "JVM: %e s wall, max RSS %M KB" java -Xmx2g -cp "$classpath" org.fewshotct.bench.WekaSpeedBench apply \
  "$images" "$work/model.weka" "$repeat"
