#!/usr/bin/env bash
# U-Net speed: training and inference images/s at 512x512 for TensorFlow Java (this suite, the network alone,
# inference through the exported SavedModel) and the same architecture in PyTorch (bench/unet_torch.py,
# Debian's python3-torch), same threads, measured in the same run. CPU only (no GPU here).
#   bench/unet.sh [THREADS] [TRAIN_STEPS] [INFER_BATCHES]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
threads=${1:-$(nproc)}
steps=${2:-6}
batches=${3:-6}
depth=4 width=16 size=512 train_batch=2 infer_batch=2
python=/usr/bin/python3
"$python" -c 'import torch' 2>/dev/null || { echo "bench: the peer needs Debian's python3-torch" >&2; exit 1; }
(cd "$root" && mvn -q -B -DskipTests test-compile)
classpath="$root/target/test-classes:$root/target/classes:$(cat "$root/target/classpath.txt")"
args="$threads $depth $width $size $train_batch $steps $infer_batch $batches"
echo "== U-Net depth $depth, width $width, ${size}x${size}, training batch $train_batch, inference batch $infer_batch, $threads threads"
echo "== PyTorch $("$python" -c 'import torch; print(torch.__version__)') (peer)"
torch_out=$("$python" "$root/bench/unet_torch.py" $args)
echo "$torch_out"
echo "== Few-Shot CT (TensorFlow Java)"
java_out=$(TF_CPP_MIN_LOG_LEVEL=2 java -Djava.awt.headless=true \
  -Dorg.bytedeco.javacpp.cachedir="${FEWSHOTCT_NATIVE_CACHE:-$HOME/.cache/few-shot-ct/javacpp}" \
  -cp "$classpath" org.fewshotct.bench.UNetBench $args 2>/dev/null)
echo "$java_out"
value() { echo "$1" | awk -v key="$2" '$0 ~ key { for (i = 1; i <= NF; i++) if ($i == "images/s") print $(i + 1) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
tt=$(value "$torch_out" "torch train"); ti=$(value "$torch_out" "torch inference")
jt=$(value "$java_out" "java train"); ji=$(value "$java_out" "java inference")
echo
echo "== ratios on $(nproc) cores (Few-Shot CT images/s / PyTorch images/s; goal >= 1)"
echo "training:  PyTorch $tt, Few-Shot CT $jt images/s: $(ratio "$jt" "$tt")x"
echo "inference: PyTorch $ti, Few-Shot CT $ji images/s: $(ratio "$ji" "$ti")x"
