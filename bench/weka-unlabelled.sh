#!/usr/bin/env bash
# Does Weka learn from unlabelled slices (issue 12)? Plain self-training with the scored slices' own Weka labels,
# beside the supervised model, same slices, mean ARI on truth > 0.
#   bench/weka-unlabelled.sh [EXPERIMENTS]   (default ircadb1,ts-ircadb1,ts-example; also same-scan)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
echo "== Few-Shot CT, Weka with unlabelled slices ($(nproc) cores); load: $(uptime | sed 's/.*load/load/')"
java -Xmx12g -Djava.awt.headless=true -cp "$classpath" org.fewshotct.bench.WekaUnlabelledBench "$data" \
  "${1:-ircadb1,ts-ircadb1,ts-example}" 2>"$work/java.err" || failed "$work/java.err"
echo "load after: $(uptime | sed 's/.*load/load/')"
