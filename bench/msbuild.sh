#!/usr/bin/env bash
# Measures what GoEnv.Tasks adds to a no-op incremental `dotnet build`: the same net10.0 class library (next to a
# Go module) with and without the package, both already built, timed with hyperfine; plus the MSBuild performance
# summary of the package's own targets. Writes the table into docs/performance.md (BENCH:msbuild markers).
# Target (issue 5): at most 5 ms over the build without the package (median). Tools: hyperfine, the .NET SDK.
# Usage: bench/msbuild.sh [go-binary]   (BENCH_RUNS, default 40; BENCH_SUMMARY_RUNS, default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

version=0.0.0-bench$(date +%s)
dotnet pack src/GoEnv.Tasks/GoEnv.Tasks.csproj -c Release -o "$work/feed" -p:PackageVersion="$version" -v quiet -nologo >&2

for variant in with without; do
  d=$work/$variant
  mkdir -p "$d"
  reference=""
  [ "$variant" = with ] && reference="<ItemGroup><PackageReference Include=\"GoEnv.Tasks\" Version=\"$version\" /></ItemGroup>"
  printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  %s\n</Project>\n' "$reference" > "$d/app.csproj"
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /><add key="local" value="%s" /></packageSources></configuration>\n' "$work/feed" > "$d/NuGet.config"
  printf 'namespace App;\n\npublic static class Library\n{\n}\n' > "$d/Library.cs"
  printf 'module example.com/bench\n\ngo 1.19\n' > "$d/go.mod"
done

# Isolated like the e2e tests: own HOME and NuGet cache, one Go on PATH, no build server or node reuse (every
# build starts cold processes, which is what a CI or command-line incremental build pays).
envs=(env -i HOME="$work/home" DOTNET_CLI_HOME="$work/home" NUGET_PACKAGES="$work/packages"
  PATH="$(dirname "$go"):/usr/share/dotnet:/usr/bin:/bin" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 GOTOOLCHAIN=local)
for variant in with without; do
  "${envs[@]}" dotnet build "$work/$variant/app.csproj" -nologo -v:q >&2
done
"${envs[@]}" dotnet build "$work/with/app.csproj" --no-restore -nologo -v:d > "$work/second.log"
grep -q 'Skipping target "GoEnvValidate" because all output files are up-to-date' "$work/second.log" \
  || { echo "bench: the second build did not skip GoEnvValidate (see $work/second.log)" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The machine is shared: to keep load drift out of the comparison, hyperfine runs in blocks that alternate which
# variant goes first, and every block's runs are pooled.
blocks=${BENCH_BLOCKS:-4}
per_block=$(( (${BENCH_RUNS:-40} + blocks - 1) / blocks ))
without_cmd="${envs[*]} dotnet build $work/without/app.csproj --no-restore -nologo -v:q -nodeReuse:false"
with_cmd="${envs[*]} dotnet build $work/with/app.csproj --no-restore -nologo -v:q -nodeReuse:false"
for block in $(seq 1 "$blocks"); do
  if [ $((block % 2)) = 1 ]; then first=(-n without "$without_cmd" -n with "$with_cmd"); else first=(-n with "$with_cmd" -n without "$without_cmd"); fi
  hyperfine --warmup 1 --runs "$per_block" -N --export-json "$work/hyperfine-$block.json" "${first[@]}" >&2
done

# The package's own targets, as MSBuild times them (the Target Performance Summary, in ms).
summaries=$work/summaries.txt
: > "$summaries"
for _ in $(seq 1 "${BENCH_SUMMARY_RUNS:-15}"); do
  "${envs[@]}" dotnet build "$work/with/app.csproj" --no-restore -nologo -v:q -nodeReuse:false -clp:PerformanceSummary \
    | grep -E '^ +[0-9]+ ms +(_GoEnvComputeInputs|GoEnvValidate|GoEnvResolve) ' >> "$summaries"
  echo "--" >> "$summaries"
done

python3 - "$work" "$summaries" "$("$go" version)" "$(nproc)" "$(dotnet --version)" "$load_before / $(cut -d' ' -f1-3 /proc/loadavg)" <<'PY' > "$work/table.md"
import json, sys, statistics, re, glob
times = {"with": [], "without": []}
for f in sorted(glob.glob(sys.argv[1] + "/hyperfine-*.json")):
    for r in json.load(open(f))["results"]:
        times[r["command"]] += r["times"]
med = {k: statistics.median(v) * 1000 for k, v in times.items()}
runs, targets = [], {}
current = 0
for line in open(sys.argv[2]):
    if line.startswith("--"):
        runs.append(current); current = 0; continue
    m = re.match(r"\s+(\d+) ms\s+(\S+)", line)
    current += int(m.group(1)); targets.setdefault(m.group(2), []).append(int(m.group(1)))
print(f"Measured with hyperfine (-N, {len(glob.glob(sys.argv[1] + '/hyperfine-*.json'))} blocks alternating which variant runs first, {len(times['with'])} runs each in all), .NET SDK {sys.argv[5]}, {sys.argv[3]}, {sys.argv[4]} cores;")
print(f"no build server, no node reuse; both projects built once before, so every timed build is a no-op. Load average (1/5/15 min) before / after: {sys.argv[6]}.")
print()
print("| `dotnet build --no-restore` (no-op) | median ms | mean ± σ ms |")
print("|---|---|---|")
for k, label in [("without", "without GoEnv.Tasks"), ("with", "with GoEnv.Tasks (GoEnvValidate skipped)")]:
    v = [t * 1000 for t in times[k]]
    print(f"| {label} | {med[k]:.1f} | {statistics.mean(v):.1f} ± {statistics.stdev(v):.1f} |")
print(f"| **difference of the medians** | **{med['with'] - med['without']:+.1f}** | |")
print()
print(f"MSBuild's Target Performance Summary over {len(runs)} no-op builds (ms, median; MSBuild rounds each target to whole ms):")
print()
print("| target | median ms | max ms |")
print("|---|---|---|")
for name in ["_GoEnvComputeInputs", "GoEnvValidate", "GoEnvResolve"]:
    v = targets.get(name, [0])
    print(f"| `{name}` | {statistics.median(v):.0f} | {max(v)} |")
print(f"| all three | {statistics.median(runs):.0f} | {max(runs)} |")
PY

splice_table docs/performance.md msbuild "$work/table.md"
cat "$work/table.md"
