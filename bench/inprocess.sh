#!/usr/bin/env bash
# BenchmarkDotNet figures for the in-process parts of `check` and `pin` (bench/GoEnv.Benchmarks): the rules over a
# healthy and a broken snapshot, the whole check with `go env` answered from memory, cache keys on 100–5,000-module
# workspaces, the GOFLAGS/GOPROXY/pattern
# parsers, the secret redactor, the pin resolver and the five env-file formats, the CI log sanitiser and a
# GITHUB_ENV record. Release build, out of process, mean and allocation per call; writes the table into
# docs/performance.md (BENCH:inprocess markers). No Go and no hyperfine needed: nothing here starts `go`.
# The reports stay in artifacts/bench/inprocess (BenchmarkDotNet's JSON, CSV, HTML and log).
# Usage: bench/inprocess.sh   (BENCH_FILTER, default '*'; BENCH_ITERATIONS, default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/splice.sh

out=$PWD/artifacts/bench/inprocess
rm -rf "$out"
mkdir -p "$out"
dotnet build bench/GoEnv.Benchmarks/GoEnv.Benchmarks.csproj -c Release -v quiet -nologo >&2

# One launch, 3 warm-up and BENCH_ITERATIONS measured iterations of ~250 ms each: about 7 s a benchmark on two
# cores, plus ~35 s for BenchmarkDotNet's own Release build of the generated runner (under the project's bin/).
iterations=${BENCH_ITERATIONS:-15}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
dotnet bench/GoEnv.Benchmarks/bin/Release/net10.0/GoEnv.Benchmarks.dll --filter "${BENCH_FILTER:-*}" \
  --launchCount 1 --warmupCount 3 --iterationCount "$iterations" --iterationTime 250 \
  --exporters json --artifacts "$out" >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$out/results" "$iterations" "$(nproc)" "$load_before / $load_after" <<'PY' > "$out/table.md"
import glob, json, sys
reports = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + "/*-report-full*.json"))]
order = ["CheckBenchmarks", "PinBenchmarks", "CacheKeyBenchmarks", "ParsingBenchmarks", "CiOutputBenchmarks"]
rows = sorted((b for r in reports for b in r["Benchmarks"]), key=lambda b: (order.index(b["Type"]) if b["Type"] in order else len(order), b["Type"]))

def time(ns):
    for unit, scale in (("ms", 1e6), ("μs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:,.2f} {unit}"
    return f"{ns:,.1f} ns"

def size(b):
    return f"{b / 1024:,.2f} KiB" if b >= 1024 else f"{b:,} B"

env = reports[0]["HostEnvironmentInfo"]
print(f"Measured with BenchmarkDotNet {env['BenchmarkDotNetVersion']} ({env['RuntimeVersion']}, Release, out of process;"
      f" 1 launch, 3 warm-up and {sys.argv[2]} measured iterations of ~250 ms), {env['ProcessorName'].strip()}, {sys.argv[3]} cores."
      f" Load average (1/5/15 min) before / after: {sys.argv[4]}. Error is half the 99.9 % confidence interval;"
      " allocated is managed memory per call.")
if max(float(x) for x in sys.argv[4].replace("/", " ").split()[0::3]) > 3:
    print("The machine was busy (a 1-minute load average above 3 on its two cores): the means are upper bounds and the errors")
    print("wide; compare rows of the same run only, and rerun on a quiet machine for figures to quote.")
print()
print("| benchmark | mean | error | allocated |")
print("|---|---:|---:|---:|")
for b in rows:
    s = b["Statistics"]
    params = f" ({b['Parameters'].replace('&', ', ')})" if b.get("Parameters") else ""
    print(f"| `{b['Type']}.{b['Method']}`{params} | {time(s['Mean'])} | {time(s['ConfidenceInterval']['Margin'])} | {size(b['Memory']['BytesAllocatedPerOperation'])} |")
PY

splice_table docs/performance.md inprocess "$out/table.md"
cat "$out/table.md"
