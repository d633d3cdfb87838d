#!/usr/bin/env bash
# The naive baseline the cache-key code is compared with: hash every go.sum below a directory.
# Usage: bench/cachekeys/baseline.sh <repository-root> [runs]
set -euo pipefail
root=${1:?usage: baseline.sh <repository-root> [runs]}
runs=${2:-5}
cd "$root"
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  find . -path ./.git -prune -o -name go.sum -print0 | xargs -0 sha256sum >/dev/null
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000 )) us"
done
