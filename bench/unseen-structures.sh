#!/usr/bin/env bash
# Structures the training masks never showed: ircadb1 000, 003, ..., 030 with the liver tumours erased from the
# masks; tumours found on the other 22 slices (one predicted instance covers >= 50 % of the tumour and is >= 50 %
# tumour) by the U-Net (supervised, and with the 22 slices as unlabelled=), Weka and the baseline.
#   bench/unseen-structures.sh [EPOCHS]      (two U-Net trainings, 10-30 minutes each on 2 CPU cores)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
echo "== Few-Shot CT, structures the masks never showed; load: $(uptime | sed 's/.*load/load/')"
TF_CPP_MIN_LOG_LEVEL=2 java -Xmx8g -Djava.awt.headless=true \
  -Dorg.bytedeco.javacpp.cachedir="${FEWSHOTCT_NATIVE_CACHE:-$HOME/.cache/few-shot-ct/javacpp}" \
  -cp "$classpath" org.fewshotct.bench.UnseenStructuresBench "$data" "$work" ${1:-} 2>"$work/java.err" || failed "$work/java.err"
echo "load after: $(uptime | sed 's/.*load/load/')"
