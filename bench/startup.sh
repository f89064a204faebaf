#!/usr/bin/env bash
# The launcher's own cost: a macro that prints one word, through bin/imagej-batch against plain ImageJ 1.x
# (`java -cp ... ij.ImageJ -batch`) on the same class path, median of RUNS runs each (default 5), wall-clock
# and CPU (user + system) seconds. bin/imagej-batch's fast start is prepared first, untimed, as the first run
# after a build does it once. Goal: at most 3x plain ImageJ.
#   bench/startup.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
(cd "$root" && mvn -q -B -DskipTests compile)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo 'print("started");' >"$work/empty.ijm"

# once NAME COMMAND...: runs it, appending its "wall cpu" seconds to $work/NAME
once() {
  local name=$1 t0 t1
  shift
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  t1=$(date +%s.%N)
  grep -qx started "$work/out" || { echo "bench: $name printed no 'started'" >&2; cat "$work/err" >&2; exit 1; }
  awk -v a="$t0" -v b="$t1" '{ printf "%.3f %.3f\n", b - a, $1 + $2 }' "$work/cpu" >>"$work/$name"
}
# median NAME COLUMN
median() { sort -n -k"$2" "$work/$1" | awk -v c="$2" '{ v[NR] = $c } END { printf "%.2f", v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

"$root/bin/imagej-batch" "$work/empty.ijm" >/dev/null # prepares the fast start if this build has none yet
echo "== $runs runs each, alternating, on $(nproc) cores (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
classpath="$root/target/classes:$(cat "$root/target/classpath.txt")"
for _ in $(seq "$runs"); do
  once plain java -Djava.awt.headless=true -cp "$classpath" ij.ImageJ -batch "$work/empty.ijm"
  once batch "$root/bin/imagej-batch" "$work/empty.ijm"
done
plain_wall=$(median plain 1) plain_cpu=$(median plain 2) batch_wall=$(median batch 1) batch_cpu=$(median batch 2)
echo "plain ImageJ -batch:  $plain_wall s wall, $plain_cpu s CPU (median)"
echo "bin/imagej-batch:     $batch_wall s wall, $batch_cpu s CPU (median)"
echo "bin/imagej-batch / plain ImageJ: $(ratio "$batch_wall" "$plain_wall")x wall, $(ratio "$batch_cpu" "$plain_cpu")x CPU" \
  "(goal <= 3x; load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
