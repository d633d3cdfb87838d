#!/usr/bin/env bash
# Times `goenv-action pin` (check + env file + cache keys + real Go's confirmation) on synthetic monorepos of 1, 100, 1,000 and 5,000
# modules in one go.work, against the baseline that CI `hashFiles('**/go.sum')` keys amount to
# (`find … -name go.sum | sort | xargs sha256sum`). Writes the table into docs/performance.md (BENCH:pin markers).
# Tools: hyperfine and git (Debian packages), the published Native AOT binary. Usage: bench/pin.sh [go-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
rows=$work/rows.md
: > "$rows"

for n in ${BENCH_SIZES:-1 100 1000 5000}; do
  repo=$work/repo-$n
  mkdir -p "$repo"
  {
    printf 'go 1.21\n\nuse (\n'
    for i in $(seq 1 "$n"); do printf '\t./m%05d\n' "$i"; done
    printf ')\n'
  } > "$repo/go.work"
  for i in $(seq 1 "$n"); do
    d=$repo/$(printf 'm%05d' "$i"); mkdir -p "$d"
    printf 'module example.com/m%05d\n\ngo 1.21\n\nrequire example.org/dep v1.0.%d\n' "$i" "$i" > "$d/go.mod"
    printf 'example.org/dep v1.0.%d h1:%044d=\nexample.org/dep v1.0.%d/go.mod h1:%044d=\n' "$i" "$i" "$i" "$i" > "$d/go.sum"
  done
  git -C "$repo" init -q && git -C "$repo" add -A && git -C "$repo" -c user.name=b -c user.email=b@b commit -qm init
  # Age the files and refresh the index, as a CI checkout is (otherwise libgit2 re-reads every racy file).
  find "$repo" -path "$repo/.git" -prune -o -type f -exec touch -d '2 hours ago' {} +
  git -C "$repo" update-index -q --really-refresh
  envs="env -i HOME=$work/home PATH=$(dirname "$go"):/usr/bin:/bin"
  json=$work/pin-$n.json
  (cd "$repo" && hyperfine -N --warmup 2 --runs "${BENCH_RUNS:-15}" --export-json "$json" \
    -n pin "$envs $bin pin --env-file $work/pin-$n.env" \
    -n baseline "sh -c 'find . -name go.sum | sort | xargs sha256sum | sha256sum'" >&2)
  python3 - "$json" "$n" >> "$rows" <<'PY'
import json, sys, statistics
r = {x["command"]: statistics.median(x["times"]) * 1000 for x in json.load(open(sys.argv[1]))["results"]}
print(f"| {int(sys.argv[2]):,} | {r['pin']:.1f} | {r['baseline']:.1f} | {r['baseline']/r['pin']:.2f} |")
PY
done

{
  echo "Measured with hyperfine (-N, ${BENCH_RUNS:-15} runs), $("$go" version), $(nproc) cores; one go.work using every module, all committed."
  echo
  echo "| modules | \`goenv-action pin\` median ms (check + env file + cache keys + confirmation) | \`find -name go.sum \\| sha256sum\` median ms | baseline ÷ pin |"
  echo "|---|---|---|---|"
  cat "$rows"
} > "$work/table.md"
splice_table docs/performance.md pin "$work/table.md"
cat "$work/table.md"
