#!/usr/bin/env bash
# Every benchmark, one after the other, each rewriting its table in docs/performance.md:
#   bench/run.sh      check and pin against the `go env -json NAMES…` floor; Native AOT vs framework-dependent; memory
#   bench/pin.sh      pin + cache keys on 1, 100, 1,000 and 5,000-module monorepos vs the go.sum hashing baseline
#   bench/msbuild.sh  the MSBuild no-op incremental overhead of GoEnv.Tasks (when present)
#   bench/inprocess.sh  BenchmarkDotNet: rules, parsers, pin rendering and CI output in-process, time and allocations
# Run it on a quiet machine: the figures are medians, but two cores shared with a build are not quiet.
# Usage: bench/all.sh [go-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/run.sh "$@"
bash bench/pin.sh "$@"
if [ -f bench/msbuild.sh ]; then bash bench/msbuild.sh "$@"; fi
bash bench/inprocess.sh
