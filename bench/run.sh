#!/usr/bin/env bash
# Benchmarks `goenv-action check` against its floor, one `go env -json NAMES…` call, on a healthy environment,
# and writes the figures into docs/performance.md (between the BENCH markers).
# Tools: hyperfine (Debian package), the published Native AOT binary. Usage: bench/run.sh [go-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

# A healthy sandbox: own HOME, a module, the toolchain first on PATH, nothing inherited.
mkdir -p "$work/mod"
printf 'module example.com/bench\n\ngo 1.19\n' > "$work/mod/go.mod"
envs=(env -i HOME="$work/home" PATH="$(dirname "$go"):/usr/bin:/bin")
floor_names=$("${envs[@]}" "$bin" check --format json | python3 -c "import json,sys; print(' '.join(k for k in json.load(sys.stdin)['environment'] if k not in ('GOWORK',)))")

out=$work/hyperfine.json
cd "$work/mod"
hyperfine --warmup 5 --runs "${BENCH_RUNS:-40}" -N --export-json "$out" \
  -n floor "${envs[*]} $go env -json $floor_names" \
  -n bare "${envs[*]} $go env -json" \
  -n check "${envs[*]} $bin check" \
  -n check-json "${envs[*]} $bin check --format json" >&2
cd - >/dev/null

python3 - "$out" "$go" "$("$go" version)" "$(nproc)" <<'PY' > "$work/table.md"
import json, sys, statistics
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
med = {k: statistics.median(v["times"]) * 1000 for k, v in res.items()}
floor = med["floor"]
print(f"Measured with hyperfine (-N, 5 warm-up runs, {len(res['floor']['times'])} runs each), {sys.argv[3]}, {sys.argv[4]} cores.")
print()
print("| command | median ms | mean ± σ ms | × floor |")
print("|---|---|---|---|")
labels = {"floor": "`go env -json NAMES…` (the floor)", "bare": "`go env -json` (all variables)", "check": "`goenv-action check`", "check-json": "`goenv-action check --format json`"}
for k in ["floor", "bare", "check", "check-json"]:
    r = res[k]
    print(f"| {labels[k]} | {med[k]:.1f} | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} | {med[k]/floor:.2f} |")
PY

splice_table docs/performance.md check "$work/table.md"
cat "$work/table.md"
