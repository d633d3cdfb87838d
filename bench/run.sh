#!/usr/bin/env bash
# Benchmarks `goenv-action check` and `pin` against their floor, one `go env -json NAMES…` call, on a healthy
# environment, the Native AOT binary against the framework-dependent build (start-up), and peak memory; writes the
# figures into docs/performance.md (between the BENCH:check and BENCH:startup markers).
# Tools: hyperfine (Debian package), the published Native AOT binary. Usage: bench/run.sh [go-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

# A healthy sandbox: own HOME, a module, the toolchain first on PATH, nothing inherited.
mkdir -p "$work/mod"
printf 'module example.com/bench\n\ngo 1.19\n' > "$work/mod/go.mod"
envs=(env -i HOME="$work/home" PATH="$(dirname "$go"):/usr/bin:/bin")
floor_names=$("${envs[@]}" "$bin" check --format json | python3 -c "import json,sys; print(' '.join(k for k in json.load(sys.stdin)['environment'] if k not in ('GOWORK',)))")

root=$PWD
cd "$work/mod"
# The ratios come from the same run, and from interleaved blocks: hyperfine times one command after the other,
# so a machine whose load drifts during the run would otherwise favour whichever command ran in the quiet part.
# Each of BENCH_BLOCKS blocks runs every command BENCH_RUNS/BENCH_BLOCKS times, in an order rotated per block.
# confirm: the go command pin runs under the pinned environment before it renames the file into place (what the
# confirmation by real Go adds to pin).
names=(floor bare check check-json pin confirm)
cmds=("${envs[*]} $go env -json $floor_names" "${envs[*]} $go env -json" "${envs[*]} $bin check"
      "${envs[*]} $bin check --format json" "${envs[*]} $bin pin --env-file $work/pinned.env"
      "${envs[*]} GOENV=off GOTOOLCHAIN=local $go list -m")
blocks=${BENCH_BLOCKS:-4}
per_block=$(( (${BENCH_RUNS:-40} + blocks - 1) / blocks ))
for ((b = 0; b < blocks; b++)); do
  args=()
  for ((i = 0; i < ${#names[@]}; i++)); do
    k=$(( (i + b) % ${#names[@]} ))
    args+=(-n "${names[$k]}" "${cmds[$k]}")
  done
  hyperfine --warmup 3 --runs "$per_block" -N --export-json "$work/hyperfine-$b.json" "${args[@]}" >&2
done

# Start-up: the same commands from the framework-dependent build (needs the .NET runtime, JIT-compiled).
fdd=$work/fdd
dotnet publish "$root/src/GoEnv.Actions/GoEnv.Actions.csproj" -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$fdd" -v quiet -nologo >&2
startup=$work/startup.json
hyperfine --warmup 3 --runs "${BENCH_RUNS:-40}" -N --export-json "$startup" \
  -n aot-explain "${envs[*]} $bin explain GOENV0001" \
  -n fdd-explain "${envs[*]} DOTNET_ROOT=${DOTNET_ROOT:-/usr/share/dotnet} $fdd/goenv-action explain GOENV0001" \
  -n aot-check "${envs[*]} $bin check" \
  -n fdd-check "${envs[*]} DOTNET_ROOT=${DOTNET_ROOT:-/usr/share/dotnet} $fdd/goenv-action check" >&2
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
mem_check=$(peak "${envs[@]}" "$bin" check)
mem_pin=$(peak "${envs[@]}" "$bin" pin --env-file "$work/pinned.env")
mem_fdd=$(peak "${envs[@]}" DOTNET_ROOT="${DOTNET_ROOT:-/usr/share/dotnet}" "$fdd/goenv-action" check)
cd - >/dev/null

python3 - "$work" "$blocks" "$("$go" version)" "$(nproc)" <<'PY' > "$work/table.md"
import glob, json, sys, statistics
times = {}
for f in sorted(glob.glob(sys.argv[1] + "/hyperfine-*.json")):
    for r in json.load(open(f))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
res = {k: {"mean": statistics.mean(v), "stddev": statistics.stdev(v)} for k, v in times.items()}
med = {k: statistics.median(v) * 1000 for k, v in times.items()}
floor = med["floor"]
print(f"Measured with hyperfine (-N, {sys.argv[2]} interleaved blocks with 3 warm-up runs each, {len(times['floor'])} runs per command in all), {sys.argv[3]}, {sys.argv[4]} cores.")
print()
print("| command | median ms | mean ± σ ms | × floor |")
print("|---|---|---|---|")
labels = {"floor": "`go env -json NAMES…` (the floor)", "bare": "`go env -json` (all variables)", "check": "`goenv-action check`", "check-json": "`goenv-action check --format json`", "pin": "`goenv-action pin` (check + env file + cache keys + real Go's confirmation)", "confirm": "`go list -m` under the pinned environment (pin's confirmation alone)"}
for k in ["floor", "bare", "check", "check-json", "pin", "confirm"]:
    r = res[k]
    print(f"| {labels[k]} | {med[k]:.1f} | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} | {med[k]/floor:.2f} |")
PY

splice_table docs/performance.md check "$work/table.md"
cat "$work/table.md"

python3 - "$startup" "$mem_check" "$mem_pin" "$mem_fdd" <<'PY' > "$work/startup.md"
import json, sys, statistics
res = {r["command"]: statistics.median(r["times"]) * 1000 for r in json.load(open(sys.argv[1]))["results"]}
print(f"Measured with hyperfine (-N, 3 warm-up runs), same sandbox; peak memory is the maximum resident set size from `/usr/bin/time -f %M`.")
print()
print("| command | Native AOT median ms | framework-dependent median ms |")
print("|---|---|---|")
print(f"| `explain GOENV0001` (start-up, no Go) | {res['aot-explain']:.1f} | {res['fdd-explain']:.1f} |")
print(f"| `check` | {res['aot-check']:.1f} | {res['fdd-check']:.1f} |")
print()
print(f"Peak memory: `check` {int(sys.argv[2])/1024:.1f} MiB and `pin` {int(sys.argv[3])/1024:.1f} MiB (Native AOT); `check` framework-dependent {int(sys.argv[4])/1024:.1f} MiB.")
PY
splice_table docs/performance.md startup "$work/startup.md"
cat "$work/startup.md"
