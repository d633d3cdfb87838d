#!/usr/bin/env bash
# Benchmarks `goenv-action check` against its floor, one `go env -json NAMES…` call, on a healthy environment,
# and writes the figures into docs/performance.md (between the BENCH markers).
# Tools: hyperfine (Debian package), the published Native AOT binary. Usage: bench/run.sh [go-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null

go=${1:-$(ls /opt/goenv-go/1.27/usr/lib/go-1.27/bin/go /usr/lib/go-1.23/bin/go 2>/dev/null | head -1)}
[ -x "$go" ] || { echo "bench: no Go toolchain found (run .ci/install-go.sh)" >&2; exit 1; }

dotnet publish src/GoEnv.Actions/GoEnv.Actions.csproj -c Release -r linux-x64 -o artifacts/publish/linux-x64 -v quiet -nologo >&2
bin=$PWD/artifacts/publish/linux-x64/goenv-action

# A healthy sandbox: own HOME, a module, the toolchain first on PATH, nothing inherited.
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/mod"
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

python3 - docs/performance.md "$work/table.md" <<'PY'
import sys, re
doc, table = sys.argv[1], open(sys.argv[2]).read()
text = open(doc).read()
text = re.sub(r"(<!-- BENCH:check -->\n).*?(<!-- /BENCH:check -->)", lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
open(doc, "w").write(text)
PY
cat "$work/table.md"
