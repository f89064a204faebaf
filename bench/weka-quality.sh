#!/usr/bin/env bash
# Few-shot quality of the Weka method on real CT next to the challenge baseline (scikit-image peer), on the
# same slices, with the challenge metric (mean ARI over slices, truth > 0 pixels):
#   1. train on slices 0-4 of ts_dicom_train, score slices 5-9 (unseen slices of the same scan);
#   2. train on all 10 slices of ts_dicom_train, score the 112 slices of ts_example_ct (another scan);
#   3. partial masks: as 1, with half of the training instances erased from the masks (drop=0.5), for both
#      class schemes (full: background learnt; structures: background never sampled).
#   bench/weka-quality.sh [images|images8]      (default images: 16-bit HU + 1024)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
images=${1:-images}
train=$data/ts_dicom_train
other=$data/ts_example_ct
quality() { java -Xmx4g -cp "$classpath" org.fewshotct.bench.WekaQualityBench images="$images" "$@"; }

echo "== baseline (scikit-image peer, on images8)"
(cd "$peers" && "$python" baseline_skimage.py "$train/images8" "$work/baseline-train" >/dev/null \
  && "$python" baseline_skimage.py "$other/images8" "$work/baseline-other" >/dev/null)
mkdir -p "$work/truth59" "$work/baseline59"
for f in $(ls "$train/labels" | sort | sed -n '6,10p'); do
  ln -s "$train/labels/$f" "$work/truth59/$f"; ln -s "$work/baseline-train/$f" "$work/baseline59/$f"
done
base_same=$(cd "$peers" && "$python" ari_sklearn.py "$work/truth59" "$work/baseline59" | awk '/mean ARI/ {print $3}')
base_other=$(cd "$peers" && "$python" ari_sklearn.py "$other/labels" "$work/baseline-other" | awk '/mean ARI/ {print $3}')
echo "baseline mean ARI: ts_dicom_train slices 5-9 $base_same, ts_example_ct $base_other"

echo "== Few-Shot CT Weka ($images)"
same_out=$(quality train="$train" test="$train" train_slices=0-4 test_slices=5-9); echo "$same_out"
other_out=$(quality train="$train" test="$other"); echo "$other_out"
full_out=$(quality train="$train" test="$train" train_slices=0-4 test_slices=5-9 drop=0.5 scheme=full); echo "$full_out"
structures_out=$(quality train="$train" test="$train" train_slices=0-4 test_slices=5-9 drop=0.5 scheme=structures)
echo "$structures_out"
ari() { echo "$1" | awk '/weka mean ARI/ {print $4}'; }

echo
echo "== mean ARI on $(nproc) cores (Weka / baseline on the same slices)"
echo "5 slices -> 5 unseen slices of the same scan: Weka $(ari "$same_out"), baseline $base_same: $(ratio "$(ari "$same_out")" "$base_same")x (goal >= 2.5x)"
echo "10 slices -> another scan (112 slices):      Weka $(ari "$other_out"), baseline $base_other: $(ratio "$(ari "$other_out")" "$base_other")x"
echo "partial masks (half the instances erased), 5 -> 5: scheme full $(ari "$full_out"), scheme structures $(ari "$structures_out")"
