#!/usr/bin/env bash
# The classical baseline against scikit-image's (the challenge notebook's algorithm, Debian's python3-skimage
# 0.19) on the 112 slices of ts_example_ct/images8: whole process against whole process (interpreter or JVM
# start, reading the PNGs, segmenting, writing label PNGs), per-slice times, and fidelity: Java-vs-skimage ARI
# per slice and both challenge scores, on ts_example_ct and ts_dicom_train. The whole process runs twice: a
# Java main, and bin/imagej-batch as batch users run it (ImageJ's start included).
#   bench/baseline.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# seconds LOG COMMAND...: runs it, its output to stderr and LOG, and prints its wall-clock seconds; its CPU
# seconds (user + system) go to LOG.cpu. On a shared machine CPU time is the steadier of the two.
seconds() {
  local t0 t1 log=$1
  shift
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$log.cpu" "$@" 2>&1 | tee "$log" >&2
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}
cpu() { awk '{ printf "%.2f", $1 + $2 }' "$1.cpu"; }
java_main=(java -cp "$classpath" org.fewshotct.bench.BaselineBench)
examples=$data/ts_example_ct/images8
slices=$(ls "$examples"/*.png | wc -l)

echo "== scikit-image (peer), whole process"
skimage_wall=$(cd "$peers" && seconds "$work/skimage.log" "$python" baseline_skimage.py "$examples" "$work/skimage_example")
echo "== Few-Shot CT (Java main), whole process"
java_wall=$(seconds "$work/java.log" "${java_main[@]}" "$examples" "$work/java_example")
echo "== Few-Shot CT through bin/imagej-batch (Open CT Slices, Sobel Watershed Baseline, Save Label Slices)"
echo 'print("ready");' >"$work/ready.ijm"
"$root/bin/imagej-batch" "$work/ready.ijm" >/dev/null # untimed: the first run after a build prepares its fast start
cat > "$work/baseline.ijm" <<MACRO
run("Open CT Slices", "folder=[$examples]");
run("Sobel Watershed Baseline", "ct=" + getTitle());
run("Save Label Slices", "labels=" + getTitle() + " folder=[$work/batch_example]");
MACRO
batch_wall=$(seconds "$work/batch.log" "$root/bin/imagej-batch" "$work/baseline.ijm")
echo "== per-slice times with a warm JIT"
java_warm=$("${java_main[@]}" "$examples" "$work/java_warm" 3 | tee /dev/stderr | awk '/warm/ {print $8}' | tr -d '(')
skimage_slice=$(awk '/per slice/ {print $7}' "$work/skimage.log" | tr -d '(')

echo "== fidelity"
(cd "$peers" && "$python" baseline_skimage.py "$data/ts_dicom_train/images8" "$work/skimage_dicom" >/dev/null)
"${java_main[@]}" "$data/ts_dicom_train/images8" "$work/java_dicom" >/dev/null
for set in ts_example_ct ts_dicom_train; do
  short=${set#ts_}; short=${short%_ct}; short=${short%_train}
  echo "$set:"
  "$python" "$root/bench/baseline_fidelity.py" "$work/java_$short" "$work/skimage_$short" "$data/$set/labels"
done
"$python" "$root/bench/baseline_fidelity.py" "$work/batch_example" "$work/java_example" "$data/ts_example_ct/labels" \
  imagej-batch java-main | head -1

echo
echo "== $slices slices of 512x512 on $(nproc) cores (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "whole process: scikit-image $skimage_wall s, Java main $java_wall s: $(ratio "$skimage_wall" "$java_wall")x faster (goal >= 5x)"
echo "whole process: bin/imagej-batch $batch_wall s (ImageJ start included): $(ratio "$skimage_wall" "$batch_wall")x faster (goal >= 5x)"
echo "whole process CPU time (user + system): scikit-image $(cpu "$work/skimage.log") s, Java main $(cpu "$work/java.log") s:" \
  "$(ratio "$(cpu "$work/skimage.log")" "$(cpu "$work/java.log")")x less; bin/imagej-batch $(cpu "$work/batch.log") s:" \
  "$(ratio "$(cpu "$work/skimage.log")" "$(cpu "$work/batch.log")")x less"
echo "per slice: scikit-image $skimage_slice s (one thread), Java $java_warm s on $(nproc) threads (warm JIT):" \
  "$(ratio "$skimage_slice" "$java_warm")x"
