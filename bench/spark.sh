#!/usr/bin/env bash
# The Spark job against the single-machine route on the same real slices, in one run: bin/spark-segment with
# local[1] and local[2] against bin/imagej-batch (Open CT Slices, the method, Save Label Slices, Export
# Challenge Labels) on the three real sets as three scans (112 + 10 PNG slices, and ircadb1's 33 original DICOM
# files as a DICOM series: 155 slices of 512x512). Whole
# processes (JVM, Spark or ImageJ start included), slices per second, the task seconds per slice from the
# job's summary (what a cluster core spends per slice), and a check that all three write identical labels.
#   bench/spark.sh [MODEL]      (MODEL: baseline (default), a Weka model file or a U-Net model folder)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${SHARED:-$root/../shared}/data/real-ct
[ -d "$data" ] || { echo "bench: real data not found at $data (set SHARED=...)" >&2; exit 1; }
model=${1:-baseline}
[ "$model" = baseline ] || model=$(cd "$(dirname "$model")" && pwd)/$(basename "$model")
(cd "$root" && mvn -q -B -DskipTests compile)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scans=(ts_example_ct ts_dicom_train ircadb1)
mkdir "$work/input"
ln -s "$data/ts_example_ct/images" "$work/input/ts_example_ct"
ln -s "$data/ts_dicom_train/images" "$work/input/ts_dicom_train"
ln -s "$data/ircadb1/dicom" "$work/input/ircadb1"
slices=$(ls "$work"/input/*/ | grep -c "^[^/]*[^:/]$")

if [ "$model" = baseline ]; then segment='run("Sobel Watershed Baseline", "ct=" + getTitle());'
elif [ -d "$model" ]; then segment="run(\"Segment with U-Net\", \"ct=\" + getTitle() + \" model=[$model]\");"
else segment="run(\"Apply Weka Few-Shot\", \"ct=\" + getTitle() + \" model=[$model]\");"; fi
{
  echo "scans = newArray($(printf '"%s",' "${scans[@]}" | sed 's/,$//'));"
  echo 'for (i = 0; i < scans.length; i++) {'
  echo "  run(\"Open CT Slices\", \"folder=[$work/input/\" + scans[i] + \"]\");"
  echo "  $segment"
  echo "  run(\"Save Label Slices\", \"labels=\" + getTitle() + \" folder=[$work/batch/\" + scans[i] + \"/labels]\");"
  echo "  run(\"Export Challenge Labels\", \"labels=\" + getTitle() + \" csv=[$work/batch/\" + scans[i] + \"/labels.csv]\");"
  echo '  close("*");'
  echo '}'
} > "$work/segment.ijm"

# seconds COMMAND...: runs it (output to stderr) and prints its wall-clock seconds
seconds() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >&2
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.2f", n / s }'; }
# task seconds per slice from a summary.csv (sum of the seconds column over the slices)
per_slice() { awk -F, 'NR > 1 { s += $3; n += $2 } END { printf "%.3f", s / n }' "$1"; }

echo "== $slices slices in ${#scans[@]} scans, model $model, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== bin/imagej-batch"
batch=$(seconds "$root/bin/imagej-batch" "$work/segment.ijm")
echo "== bin/spark-segment --master local[1]"
spark1=$(seconds "$root/bin/spark-segment" --master 'local[1]' --model "$model" --input "$work/input" --output "$work/spark1")
echo "== bin/spark-segment --master local[2]"
spark2=$(seconds "$root/bin/spark-segment" --master 'local[2]' --model "$model" --input "$work/input" --output "$work/spark2")

for scan in "${scans[@]}"; do
  for run in spark1 spark2; do
    cmp -s "$work/batch/$scan/labels.csv" "$work/$run/$scan/labels.csv" ||
      { echo "bench: $run's labels of $scan differ from bin/imagej-batch's" >&2; exit 1; }
    diff -rq "$work/batch/$scan/labels" "$work/$run/$scan/labels" >/dev/null ||
      { echo "bench: $run's label PNGs of $scan differ from bin/imagej-batch's" >&2; exit 1; }
  done
done

echo
echo "== $slices slices, model $model, $(nproc) cores (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "bin/imagej-batch:              $batch s, $(rate "$slices" "$batch") slices/s (whole process)"
echo "bin/spark-segment local[1]:    $spark1 s, $(rate "$slices" "$spark1") slices/s; $(per_slice "$work/spark1/summary.csv") task s per slice"
echo "bin/spark-segment local[2]:    $spark2 s, $(rate "$slices" "$spark2") slices/s; $(per_slice "$work/spark2/summary.csv") task s per slice"
echo "labels: identical in all three (labels.csv and label PNGs of every scan)"
