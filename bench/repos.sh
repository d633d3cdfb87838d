#!/usr/bin/env bash
# Times `goenv-action pin` (check + env file + cache keys + real Go's confirmation) on real repositories against the
# baseline that CI `hashFiles('**/go.sum')` keys amount to (`find … -name go.sum | sort | xargs sha256sum`), and
# `pin --modules-key module` (the keys of the checked module only). The repositories are clones you make (e.g.
# `fetch github:etcd-io/etcd`, then `git clone` the snapshot); nothing here downloads. Writes the table into
# docs/performance.md (BENCH:repos markers).
# Usage: bench/repos.sh [--go GO] REPO...   (each REPO a git work tree whose root holds go.mod or go.work)
set -euo pipefail
cd "$(dirname "$0")/.."
go_arg=
if [ "${1:-}" = --go ]; then go_arg=$2; shift 2; fi
[ $# -gt 0 ] || { echo "usage: bench/repos.sh [--go GO] REPO..." >&2; exit 2; }
source bench/common.sh "$go_arg"
rows=$work/rows.md
: > "$rows"

for repo in "$@"; do
  repo=$(cd "$repo" && pwd)
  name=$(basename "$repo")
  sums=$(cd "$repo" && find . -path ./.git -prune -o -name go.sum -print | wc -l)
  envs="env -i HOME=$work/home PATH=$(dirname "$go"):/usr/bin:/bin GOTOOLCHAIN=local"
  if ! (cd "$repo" && $envs "$bin" pin --env-file "$work/$name.env" >"$work/$name.log" 2>&1); then
    echo "bench/repos.sh: pin fails in $repo (see below); not timed" >&2
    cat "$work/$name.log" >&2
    continue
  fi
  json=$work/$name.json
  (cd "$repo" && hyperfine -N --warmup 2 --runs "${BENCH_RUNS:-15}" --export-json "$json" \
    -n pin "$envs $bin pin --env-file $work/$name.env" \
    -n module "$envs $bin pin --modules-key module --env-file $work/$name.env" \
    -n check "$envs $bin check" \
    -n baseline "sh -c 'find . -name go.sum | sort | xargs sha256sum | sha256sum'" >&2)
  python3 - "$json" "$name" "$sums" >> "$rows" <<'PY'
import json, sys, statistics
r = {x["command"]: statistics.median(x["times"]) * 1000 for x in json.load(open(sys.argv[1]))["results"]}
print(f"| {sys.argv[2]} | {int(sys.argv[3]):,} | {r['check']:.1f} | {r['pin']:.1f} | {r['module']:.1f} | {r['baseline']:.1f} | {r['pin']/r['baseline']:.2f} | {(r['pin']-r['check'])/r['baseline']:.2f} |")
PY
done

{
  echo "Measured with hyperfine (-N, ${BENCH_RUNS:-15} runs, medians), $("$go" version), $(nproc) cores, GOTOOLCHAIN=local, default GOPROXY (unreachable: nothing is downloaded)."
  echo
  echo "| repository | go.sum files | \`check\` ms | \`pin\` ms | \`pin --modules-key module\` ms | \`find \\| sha256sum\` ms | pin ÷ baseline | (pin − check) ÷ baseline |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  cat "$rows"
} > "$work/table.md"
splice_table docs/performance.md repos "$work/table.md"
cat "$work/table.md"
