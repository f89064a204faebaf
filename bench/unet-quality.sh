#!/usr/bin/env bash
# U-Net quality on real CT with default settings (EPOCHS overrides the number of epochs): trains on the 10
# slices of ts_dicom_train and on 10 slices of ts_example_ct, scores held-out slices and the other scan
# (mean adjusted Rand index on truth > 0), beside the scikit-image baseline peer on exactly the same slices.
#   bench/unet-quality.sh [EPOCHS]
# Takes about 2 x 10 minutes of training on 2 CPU cores; models and logs stay in the temporary work folder
# only while it runs (set KEEP=folder to keep them there).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out=${KEEP:-$work}
mkdir -p "$out"
echo "== Few-Shot CT U-Net (TensorFlow Java, CPU, $(nproc) cores)"
TF_CPP_MIN_LOG_LEVEL=2 java -Xmx6g -Djava.awt.headless=true \
  -Dorg.bytedeco.javacpp.cachedir="${FEWSHOTCT_NATIVE_CACHE:-$HOME/.cache/few-shot-ct/javacpp}" \
  -cp "$classpath" org.fewshotct.bench.UNetQualityBench "$data" "$out" ${1:-} 2>"$out/java.err" | tee "$out/java.out"

echo "== scikit-image baseline (peer) on the same slices"
summary=()
for list in ts_dicom_train-heldout ts_example_ct-all ts_example_ct-heldout ts_dicom_train-all; do
  set_name=${list%-*}
  mkdir -p "$work/$list/images8" "$work/$list/labels"
  while read -r name; do
    ln -sf "$data/$set_name/images8/$name" "$work/$list/images8/$name"
    ln -sf "$data/$set_name/labels/$name" "$work/$list/labels/$name"
  done < "$out/$list.slices"
  (cd "$peers" && "$python" baseline_skimage.py "$work/$list/images8" "$work/$list/baseline" >/dev/null)
  baseline=$(cd "$peers" && "$python" ari_sklearn.py "$work/$list/labels" "$work/$list/baseline" | awk '/mean ARI/ {print $3}')
  unet=$(awk -v l="$list:" '$3 == l {print $6}' "$out/java.out")
  summary+=("$(printf '%-24s %6d   %8.4f   %8.4f' "$list" "$(wc -l < "$out/$list.slices")" "$unet" "$baseline")")
done
echo
echo "== mean ARI (truth > 0), trained on: ts_dicom_train (10 slices) for the ts_dicom_train-heldout and ts_example_ct-all rows,"
echo "   10 slices of ts_example_ct for the ts_example_ct-heldout and ts_dicom_train-all rows"
printf '%-24s %6s   %8s   %8s\n' "scored slices" "count" "U-Net" "baseline"
printf '%s\n' "${summary[@]}"
echo "(Weka: see bench/weka-quality.sh once the Weka method is on main.)"
