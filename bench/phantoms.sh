#!/usr/bin/env bash
# The synthetic CT phantom generator on 100 slices of 512x512 (goal: a few seconds), on all cores and on one.
# Needs no real data and no peer: there is no comparable generator to measure against.
#   bench/phantoms.sh [SLICES] [SIZE]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
(cd "$root" && mvn -q -B -DskipTests test-compile)
classpath="$root/target/test-classes:$root/target/classes:$(cat "$root/target/classpath.txt")"
slices=${1:-100}
size=${2:-512}
echo "== all $(nproc) cores"
java -Xmx4g -cp "$classpath" org.fewshotct.bench.PhantomBench "$slices" "$size"
echo "== one thread"
java -Xmx4g -cp "$classpath" org.fewshotct.bench.PhantomBench "$slices" "$size" 1
