# Shared set-up for the benchmarks: the project root, the real data, the peers, and a built class path.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${SHARED:-$root/../shared}
data=$shared/data/real-ct
peers=$shared/peers
[ -d "$data" ] || { echo "bench: real data not found at $data (set SHARED=...)" >&2; exit 1; }
python=/usr/bin/python3
"$python" -c 'import sklearn, skimage, pandas' 2>/dev/null || {
  echo "bench: peers need Debian's python3-sklearn python3-skimage python3-pandas (apt-get install)" >&2; exit 1; }
(cd "$root" && mvn -q -B -DskipTests test-compile)
classpath="$root/target/test-classes:$root/target/classes:$(cat "$root/target/classpath.txt")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# failed FILE: a bench's Java failed with its error log in FILE (a temporary folder's): show the log's end
failed() { echo "bench: failed; the end of its error log:" >&2; tail -n 8 "$1" >&2; exit 1; }
# ratio A B: how many times A is B (A/B), two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
