#!/usr/bin/env bash
# Challenge CSV export/import and the Rand index on a 500-slice 512x512 stack (the 10 labelled slices of
# ts_dicom_train repeated 50 times), against pandas and scikit-learn measured in the same run; and, as batch
# users run it, importing and exporting a 448-slice CSV (ts_example_ct's 112 label slices 4 times) through
# bin/imagej-batch, the whole process (JVM and ImageJ start included; median of 3 runs) against pandas'
# read + write alone.
#   bench/challenge-io.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
labels=$data/ts_dicom_train/labels
prediction=$data/ts_dicom_train/semantic  # any second labelling of the same slices will do for timing (a CT is refused as labels)
repeat=50

echo "== pandas (peer)"
pandas_write=$("$python" "$peers/csv_pandas.py" write "$labels" "$work/pandas.csv" $repeat | tee /dev/stderr | awk '{print $3}')
pandas_read=$("$python" "$peers/csv_pandas.py" read "$work/pandas.csv" | tee /dev/stderr | awk '{print $3}' | tr -d ';')

echo "== scikit-learn (peer)"
mkdir -p "$work/truth" "$work/prediction"
for r in $(seq 1 $repeat); do
  for f in "$labels"/*.png; do ln -s "$f" "$work/truth/$r-$(basename "$f")"; done
  for f in "$prediction"/*.png; do ln -s "$f" "$work/prediction/$r-$(basename "$f")"; done
done
sklearn_metric=$(cd "$peers" && "$python" ari_sklearn.py "$work/truth" "$work/prediction" | tail -2 | tee /dev/stderr | awk '/metric seconds/ {print $3}')

echo "== Few-Shot CT"
java_out=$(java -Xmx6g -cp "$classpath" org.fewshotct.bench.ChallengeIoBench "$labels" "$prediction" $repeat "$work/java.csv")
echo "$java_out"
java_write=$(echo "$java_out" | awk '/java write/ {print $4}')
java_write_first=$(echo "$java_out" | awk '/java write/ {print $7}' | tr -d ')')
java_read=$(echo "$java_out" | awk '/java read/ {print $4}')
java_read_first=$(echo "$java_out" | awk '/java read/ {print $7}' | tr -d ')')
java_metric=$(echo "$java_out" | awk '/java metric/ {print $4}' | tr -d ';')
cmp -s <(tail -n +2 "$work/java.csv") <(tail -n +2 "$work/pandas.csv") \
  && echo "CSV bodies identical to pandas'" || echo "CSV bodies differ from pandas'"

echo "== 448 slices: pandas (peer) read + write, then bin/imagej-batch import + export, whole process"
batch_labels=$data/ts_example_ct/labels
pandas448_write=$("$python" "$peers/csv_pandas.py" write "$batch_labels" "$work/pandas448.csv" 4 | tee /dev/stderr | awk '{print $3}')
pandas448_read=$("$python" "$peers/csv_pandas.py" read "$work/pandas448.csv" | tee /dev/stderr | awk '{print $3}' | tr -d ';')
cat > "$work/csv.ijm" <<MACRO
run("Import Challenge Labels", "csv=[$work/pandas448.csv]");
run("Export Challenge Labels", "labels=" + getTitle() + " csv=[$work/batch448.csv]");
MACRO
echo 'print("ready");' >"$work/ready.ijm"
"$root/bin/imagej-batch" "$work/ready.ijm" >/dev/null # untimed: the first run after a build prepares its fast start
# The median of three runs: on a shared machine one run can land on a burst of other work.
for run in 1 2 3; do
  rm -f "$work/batch448.csv"
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/batch.cpu" "$root/bin/imagej-batch" "$work/csv.ijm" >&2
  awk -v a="$t0" -v b="$(date +%s.%N)" '{ printf "%.2f %.2f\n", b - a, $1 + $2 }' "$work/batch.cpu" >>"$work/batch.runs"
done
echo "bin/imagej-batch runs (wall, CPU seconds): $(sort -n "$work/batch.runs" | tr '\n' ';' | sed 's/;$//; s/;/; /g')"
read -r batch448 batch448_cpu < <(sort -n "$work/batch.runs" | sed -n 2p)
pandas448=$(awk -v a="$pandas448_read" -v b="$pandas448_write" 'BEGIN { printf "%.2f", a + b }')
cmp -s <(tail -n +2 "$work/batch448.csv") <(tail -n +2 "$work/pandas448.csv") \
  && echo "bin/imagej-batch's CSV body identical to pandas'" || echo "bin/imagej-batch's CSV body differs from pandas'"

echo
echo "== ratios on $(nproc) cores (load average now: $(cut -d' ' -f1-3 /proc/loadavg)), 500 slices of 512x512 (peer seconds / Few-Shot CT seconds)"
echo "CSV export:  pandas $pandas_write s, Few-Shot CT $java_write s: $(ratio "$pandas_write" "$java_write")x faster (goal >= 10x);" \
  "first call in a fresh JVM $java_write_first s: $(ratio "$pandas_write" "$java_write_first")x"
echo "CSV import:  pandas $pandas_read s, Few-Shot CT $java_read s: $(ratio "$pandas_read" "$java_read")x faster (goal >= 10x);" \
  "first call in a fresh JVM $java_read_first s: $(ratio "$pandas_read" "$java_read_first")x"
echo "Rand index:  scikit-learn $sklearn_metric s, Few-Shot CT $java_metric s: $(ratio "$sklearn_metric" "$java_metric")x faster (goal >= 20x)"
echo "448 slices through bin/imagej-batch (import + export, whole process, median of 3): $batch448 s ($batch448_cpu s CPU);" \
  "pandas read + write $pandas448 s: $(ratio "$pandas448" "$batch448")x faster (goal >= 10x)"
