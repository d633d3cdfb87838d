#!/usr/bin/env bash
# What the module graph (issue 19) adds to `goenv-action check`: the published Native AOT binary of this tree
# against one built from a base revision (default: the last commit before the module graph), on
#   small      a healthy module: 3 packages importing 2 dependencies, go.sum complete, the module cache filled
#   vendored   the same module vendored (go mod vendor), GOPROXY=off
#   k8s-sized  a kubernetes-sized workspace made by bench/graph/gen.py: go.work with 30 modules, ~20,000 .go files,
#              a workspace vendor/ made by `go work vendor` from 200 dependency modules, GOPROXY=off
# and on any repository given with --repo (a clone; nothing is downloaded). Real Go makes go.sum and vendor/ from a
# file:// proxy the generator writes. Writes the table into docs/performance.md (BENCH:graph markers).
# Usage: bench/graph.sh [--base REV] [--repo DIR]...
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=e2516c9
repos=()
while [ $# -gt 0 ]; do
  case $1 in
    --base) base_rev=$2; shift 2 ;;
    --repo) repos+=("$(cd "$2" && pwd)"); shift 2 ;;
    *) echo "usage: bench/graph.sh [--base REV] [--repo DIR]..." >&2; exit 2 ;;
  esac
done
source bench/common.sh ""

# The base binary, built from a worktree of the base revision.
build_base "$base_rev"

python3 bench/graph/gen.py "$work" >&2
gobin=$(dirname "$go")
envs="env -i HOME=$work/home PATH=$gobin:/usr/bin:/bin GOTOOLCHAIN=local GOFLAGS=-modcacherw GONOSUMDB=*"
mkdir -p "$work/home/.config/go/telemetry" && echo off > "$work/home/.config/go/telemetry/mode"
(cd "$work/small" && $envs GOPROXY="file://$work/proxy" "$go" mod tidy >&2 && $envs GOPROXY="file://$work/proxy" "$go" build ./... >&2)
(cd "$work/vendored" && $envs GOPROXY="file://$work/proxy" "$go" mod tidy >&2 && $envs GOPROXY="file://$work/proxy" "$go" mod vendor >&2)
for m in "$work"/k8s/staging/*/; do (cd "$m" && $envs GOWORK=off GOPROXY="file://$work/proxy" "$go" mod tidy >&2); done
(cd "$work/k8s" && $envs GOPROXY="file://$work/proxy" "$go" work vendor >&2)
files=$(find "$work/k8s" -name '*.go' -not -path '*/vendor/*' | wc -l)
vendored=$(find "$work/k8s/vendor" -name '*.go' | wc -l)

floor=$(cd "$work/small" && hyperfine -N --warmup 3 --runs 20 --export-json "$work/floor.json" "$envs $go env -json GOROOT GOPATH" >&2 && python3 -c "import json,statistics,sys; print(f'{statistics.median(json.load(open(sys.argv[1]))[\"results\"][0][\"times\"])*1000:.1f}')" "$work/floor.json")
rows=$work/rows.md
: > "$rows"
measure() { # name dir goproxy
  local name=$1 dir=$2 proxy=$3 blocks=${BENCH_BLOCKS:-6}
  (cd "$dir" && $envs GOPROXY="$proxy" "$bin" check >/dev/null) || { echo "bench/graph.sh: check fails in $dir:" >&2; (cd "$dir" && $envs GOPROXY="$proxy" "$bin" check >&2) || true; }
  # Interleaved blocks, the order flipped every block: a machine whose load drifts would otherwise favour whichever
  # binary ran in the quiet part (the same reason as bench/run.sh's blocks).
  for ((b = 0; b < blocks; b++)); do
    local first=(-n base "$envs GOPROXY=$proxy $base check") second=(-n graph "$envs GOPROXY=$proxy $bin check")
    if ((b % 2)); then local t=("${first[@]}"); first=("${second[@]}"); second=("${t[@]}"); fi
    (cd "$dir" && hyperfine -N -i --warmup 2 --runs $(( (${BENCH_RUNS:-30} + blocks - 1) / blocks )) --export-json "$work/$b.json" "${first[@]}" "${second[@]}" >&2)
  done
  python3 - "$name" "$work" "$blocks" >> "$rows" <<'PY'
import json, sys, statistics
times = {}
for b in range(int(sys.argv[3])):
    for x in json.load(open(f"{sys.argv[2]}/{b}.json"))["results"]:
        times.setdefault(x["command"], []).extend(x["times"])
r = {k: statistics.median(v) * 1000 for k, v in times.items()}
print(f"| {sys.argv[1]} | {r['base']:.1f} | {r['graph']:.1f} | {r['graph'] - r['base']:+.1f} |")
PY
}
measure small "$work/small" "file://$work/proxy"
measure vendored "$work/vendored" off
measure "k8s-sized ($files .go files, $vendored vendored)" "$work/k8s" off
for repo in "${repos[@]}"; do measure "$(basename "$repo")" "$repo" off; done

{
  echo "Measured with hyperfine (-N, ${BENCH_RUNS:-30} runs per binary in ${BENCH_BLOCKS:-6} interleaved blocks, medians), $("$go" version), $(nproc) cores, GOTOOLCHAIN=local; base = $base_rev; \`go env -json GOROOT GOPATH\` alone: $floor ms."
  echo
  echo "| tree | base \`check\` ms | \`check\` ms | added ms |"
  echo "|---|---:|---:|---:|"
  cat "$rows"
} > "$work/table.md"
splice_table docs/performance.md graph "$work/table.md"
cat "$work/table.md"
