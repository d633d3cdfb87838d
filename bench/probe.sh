#!/usr/bin/env bash
# What issue 20 (private modules) adds to `goenv-action check`, and what `check --probe` costs per private root:
#   small        a healthy module (2 dependencies from a file:// proxy, the module cache filled): `check` of this tree
#                against a base revision (default: the end of issue 19), which must stay within +2 ms
#   private      the same module importing N private modules git.corp.example/team/libK.git from bare repositories
#                reached through url.<file URL>.insteadOf, GOPRIVATE set, their module cache empty: `check` reads git's
#                configuration and .netrc (base vs this tree), then `check --probe` with 1 and 3 private roots
# Writes the table into docs/performance.md (BENCH:probe markers).
# Usage: bench/probe.sh [--base REV]
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=459e5c2
while [ $# -gt 0 ]; do
  case $1 in
    --base) base_rev=$2; shift 2 ;;
    *) echo "usage: bench/probe.sh [--base REV]" >&2; exit 2 ;;
  esac
done
source bench/common.sh ""

build_base "$base_rev"

gobin=$(dirname "$go")
home=$work/home
mkdir -p "$home/.config/go/telemetry" && echo off > "$home/.config/go/telemetry/mode"
envs="env -i HOME=$home PATH=$gobin:/usr/bin:/bin GOTOOLCHAIN=local GOFLAGS=-modcacherw GONOSUMDB=* GOPROXY=file://$work/proxy GOPRIVATE=git.corp.example"
git_env="env -i HOME=$home PATH=/usr/bin:/bin GIT_CONFIG_NOSYSTEM=1"

# A file:// proxy with two public dependencies.
for d in a b; do
  v=$work/proxy/example.org/$d/@v; mkdir -p "$v" "$work/src/example.org/$d@v1.0.0"
  printf 'v1.0.0\n' > "$v/list"; printf '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}\n' > "$v/v1.0.0.info"
  printf 'module example.org/%s\n\ngo 1.21\n' "$d" | tee "$v/v1.0.0.mod" > "$work/src/example.org/$d@v1.0.0/go.mod"
  printf 'package %s\n\nconst N = 1\n' "$d" > "$work/src/example.org/$d@v1.0.0/$d.go"
  (cd "$work/src" && python3 -c "import zipfile,sys,os; z=zipfile.ZipFile(sys.argv[1],'w'); [z.write(os.path.join(r,f), os.path.join(r,f)) for r,_,fs in os.walk(sys.argv[2]) for f in fs]" "$v/v1.0.0.zip" "example.org/$d@v1.0.0")
done

# Three private modules in bare repositories, reached through insteadOf.
: > "$home/.gitconfig"
for k in 1 2 3; do
  src=$work/gitsrc/lib$k; mkdir -p "$src"
  printf 'module git.corp.example/team/lib%s.git\n\ngo 1.21\n' "$k" > "$src/go.mod"
  printf 'package lib%s\n\nconst N = %s\n' "$k" "$k" > "$src/lib.go"
  (cd "$src" && $git_env git init -q && $git_env git add -A && $git_env git -c user.name=b -c user.email=b@e commit -qm v1 && $git_env git tag v1.0.0 && $git_env git clone -q --bare . "$work/git/lib$k.git")
  printf '[url "file://%s"]\n\tinsteadOf = https://git.corp.example/team/lib%s\n' "$work/git/lib$k.git" "$k" >> "$home/.gitconfig"
done
printf '[protocol "file"]\n\tallow = always\n' >> "$home/.gitconfig"

module() { # dir imports...
  local dir=$1; shift; mkdir -p "$dir"
  printf 'module example.com/app\n\ngo 1.21\n' > "$dir/go.mod"
  { printf 'package app\n\nimport (\n'; for i in "$@"; do printf '\t_ "%s"\n' "$i"; done; printf ')\n'; } > "$dir/app.go"
  (cd "$dir" && $envs GOFLAGS=-mod=mod "$go" mod tidy >&2)
}
module "$work/small" example.org/a example.org/b
module "$work/private1" example.org/a example.org/b git.corp.example/team/lib1.git
module "$work/private3" example.org/a example.org/b git.corp.example/team/lib1.git git.corp.example/team/lib2.git git.corp.example/team/lib3.git
(cd "$work/small" && $envs "$go" mod download >&2)
rm -rf "$home/go/pkg/mod/git.corp.example" "$home/go/pkg/mod/cache/download/git.corp.example" "$home/go/pkg/mod/cache/vcs"

rows=$work/rows.md
: > "$rows"
median() { python3 -c "import json,statistics,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join(f'{statistics.median(x[\"times\"])*1000:.1f}' for x in r))" "$1"; }
compare() { # name dir
  local name=$1 dir=$2
  (cd "$dir" && hyperfine -N -i --warmup 3 --runs "${BENCH_RUNS:-30}" --export-json "$work/c.json" -n base "$envs $base check" -n this "$envs $bin check" >&2)
  read -r b t < <(median "$work/c.json")
  printf '| %s | `check` | %s | %s | %+.1f |\n' "$name" "$b" "$t" "$(python3 -c "print($t-$b)")" >> "$rows"
}
compare "small (module cache filled)" "$work/small"
compare "1 private module to fetch" "$work/private1"
for n in 1 3; do
  (cd "$work/private$n" && hyperfine -N -i --warmup 1 --runs "${BENCH_PROBE_RUNS:-10}" --export-json "$work/p.json" -n probe "$envs $bin check --probe" >&2)
  printf '| %s private root(s) | `check --probe` | | %s | |\n' "$n" "$(median "$work/p.json")" >> "$rows"
done

{
  echo "Measured with hyperfine (-N, ${BENCH_RUNS:-30} runs for \`check\`, ${BENCH_PROBE_RUNS:-10} for \`check --probe\`, medians), $("$go" version), $(nproc) cores, GOTOOLCHAIN=local; base = $base_rev. Private roots are bare git repositories reached through file:// insteadOf: the figures are GoEnv's and Go's own cost per root, without network latency."
  echo
  echo "| tree | command | base ms | this ms | added ms |"
  echo "|---|---|---:|---:|---:|"
  cat "$rows"
} > "$work/table.md"
splice_table docs/performance.md probe "$work/table.md"
cat "$work/table.md"
