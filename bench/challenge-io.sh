#!/usr/bin/env bash
# Challenge CSV export/import and the Rand index on a 500-slice 512x512 stack (the 10 labelled slices of
# ts_dicom_train repeated 50 times), against pandas and scikit-learn measured in the same run.
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
java_metric=$(echo "$java_out" | awk '/java metric/ {print $4}')
cmp -s <(tail -n +2 "$work/java.csv") <(tail -n +2 "$work/pandas.csv") \
  && echo "CSV bodies identical to pandas'" || echo "CSV bodies differ from pandas'"

echo
echo "== ratios on $(nproc) cores (load average now: $(cut -d' ' -f1-3 /proc/loadavg)), 500 slices of 512x512 (peer seconds / Few-Shot CT seconds)"
echo "CSV export:  pandas $pandas_write s, Few-Shot CT $java_write s: $(ratio "$pandas_write" "$java_write")x faster (goal >= 10x);" \
  "first call in a fresh JVM $java_write_first s: $(ratio "$pandas_write" "$java_write_first")x"
echo "CSV import:  pandas $pandas_read s, Few-Shot CT $java_read s: $(ratio "$pandas_read" "$java_read")x faster (goal >= 10x);" \
  "first call in a fresh JVM $java_read_first s: $(ratio "$pandas_read" "$java_read_first")x"
echo "Rand index:  scikit-learn $sklearn_metric s, Few-Shot CT $java_metric s: $(ratio "$sklearn_metric" "$java_metric")x faster (goal >= 20x)"
