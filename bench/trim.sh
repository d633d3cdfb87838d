#!/usr/bin/env bash
# What `cache trim` costs on a large build cache since it reads every index entry (issue 21): a synthetic GOCACHE of
# N (default 25,000) index entries (175 bytes, cmd/go's format) and their outputs (1 KiB), half of them used in the
# job (mtime after the job start), trimmed by this tree's binary and by one built from a base revision (default: the
# last commit before the change), each on a fresh copy. Writes the table into docs/performance.md (BENCH:trim).
# Usage: bench/trim.sh [--base REV] [--entries N]
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=273f828
entries=25000
while [ $# -gt 0 ]; do
  case $1 in
    --base) base_rev=$2; shift 2 ;;
    --entries) entries=$2; shift 2 ;;
    *) echo "usage: bench/trim.sh [--base REV] [--entries N]" >&2; exit 2 ;;
  esac
done
source bench/common.sh ""
build_base "$base_rev"

python3 - "$work/template" "$entries" <<'PY'
import os, sys, hashlib
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    out = hashlib.sha256(b"out%d" % i).hexdigest()
    act = hashlib.sha256(b"act%d" % i).hexdigest()
    for name, data in ((out + "-d", b"x" * 1024), (act + "-a", ("v1 %s %s %20d %20d\n" % (act, out, 1024, 1700000000000000000)).encode())):
        d = os.path.join(root, name[:2])
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
PY

# A job: prepare back-dates everything, then half the index entries are used (touched now); trim.
job() { # binary copy
  rm -rf "$work/$2"; cp -a "$work/template" "$work/$2"
  GOCACHE="$work/$2" "$1" cache prepare --gocache "$work/$2" >/dev/null
  find "$work/$2" -name '*-a' | awk 'NR % 2' | xargs touch
}
export -f job
export work
rows=$work/rows.md
for name in base this; do
  b=$base; [ $name = this ] && b=$bin
  hyperfine -N --runs "${BENCH_RUNS:-10}" --prepare "bash -c 'job $b cache-$name'" --export-json "$work/$name.json" "$b cache trim --gocache $work/cache-$name" >&2
  python3 -c "import json,statistics,sys; print(f'| {sys.argv[2]} | {statistics.median(json.load(open(sys.argv[1]))[\"results\"][0][\"times\"])*1000:.0f} |')" "$work/$name.json" "$name" >> "$rows"
done
{
  echo "Measured with hyperfine (-N, ${BENCH_RUNS:-10} runs, each on a fresh copy, medians), $(nproc) cores; a synthetic GOCACHE of $entries index entries and $entries 1 KiB outputs, half the entries used; base = $base_rev."
  echo
  echo "| binary | \`cache trim\` ms |"
  echo "|---|---:|"
  cat "$rows"
} > "$work/table.md"
splice_table docs/performance.md trim "$work/table.md"
cat "$work/table.md"
