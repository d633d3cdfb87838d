#!/usr/bin/env bash
# Replays a simulated CI history of a Go project under three build-cache schemes, stored as actions/cache stores
# them (one tar + zstd archive per key), and compares what each restores, saves, keeps and costs in build time.
#
#   setup-go     GOCACHE + GOMODCACHE in one archive keyed by go.sum's hash, no restore-keys, saved only on a miss
#                (what actions/setup-go's built-in cache does)
#   save-always  the same two directories keyed by go.sum's hash and the commit, restore-keys down to the Go version,
#                saved every job, never trimmed
#   goenv        the module cache keyed by `pin`'s cache-key-modules (saved on a miss), the build cache keyed by
#                `pin`'s cache-key + the commit (rolling), `cache prepare` after restoring it and `cache trim` before
#                saving it, saved every job
#
# The project is generated offline (bench/history/gen.go): a file:// GOPROXY of 12 dependency modules with 2–3
# versions each, and example.com/app (50 packages in four layers, a test each) in a git repository with 20 commits
# after the initial one (edits of leaves and of widely imported packages, a dependency bump every fifth commit, two
# added packages). Each job is a fresh clone at one fixed path with empty caches, restore, `go build ./... && go test
# ./...`, save. Jobs of the three schemes run interleaved, commit by commit, in a rotating order, so that a machine
# whose load drifts does not favour one scheme. The working set of a job (the GOCACHE entries it used) is measured the
# same way in every scheme: restored files are back-dated by 2 hours (Go refreshes the mtime of an entry it uses only
# when the mtime is over an hour old), a marker is touched, and after the job the entries newer than the marker are
# summed.
#
# Writes the per-commit and totals tables to $OUT (default bench/history/results.md) for bench/splice.sh's
# splice_table docs/performance.md history. Tools: git, tar, zstd, python3, the published binary.
# Usage: bench/history.sh [go-binary]   (BENCH_HISTORY_SCHEMES="setup-go save-always goenv" to choose schemes;
# BENCH_HISTORY_DEP_BLOCKS / BENCH_HISTORY_APP_BLOCKS to size the generated code, default 5 and 4;
# BENCH_HISTORY_COMMITS=N to replay only the first N commits, for a quick try)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
source bench/history/store.sh
started=$(date +%s)
out=${OUT:-bench/history/results.md}
read -r -a schemes <<< "${BENCH_HISTORY_SCHEMES:-setup-go save-always goenv}"
commits=${BENCH_HISTORY_COMMITS:-20} # at most 20: the history gen.go writes
export BENCH_HISTORY_DEP_BLOCKS=${BENCH_HISTORY_DEP_BLOCKS:-5} BENCH_HISTORY_APP_BLOCKS=${BENCH_HISTORY_APP_BLOCKS:-4}

if [[ " ${schemes[*]} " == *" goenv "* ]] && ! "$bin" cache prepare --help 2>&1 | grep -q -- --gocache; then
  echo "history: $bin has no \`cache prepare\`/\`cache trim\` yet: the goenv scheme is skipped" >&2
  kept=()
  for s in "${schemes[@]}"; do [ "$s" = goenv ] || kept+=("$s"); done
  schemes=("${kept[@]}")
fi
[ "${#schemes[@]}" -gt 0 ] || { echo "history: no scheme to run" >&2; exit 1; }

sys_path=$(dirname "$go"):/usr/bin:/bin
proxy=$work/proxy
origin=$work/origin
gen=$work/gen
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# 1. The proxy and the history, with real Go resolving go.mod/go.sum against the proxy.
mkdir -p "$gen/home"
genv=(env -i HOME="$gen/home" PATH="$sys_path" GOPATH="$gen/gopath" GOCACHE="$gen/cache" GOMODCACHE="$gen/modcache"
      GOPROXY="file://$proxy" GOSUMDB=off GOFLAGS=-mod=mod GOTOOLCHAIN=local
      BENCH_HISTORY_DEP_BLOCKS="$BENCH_HISTORY_DEP_BLOCKS" BENCH_HISTORY_APP_BLOCKS="$BENCH_HISTORY_APP_BLOCKS")
"${genv[@]}" "$go" build -o "$gen/gen" bench/history/gen.go
"${genv[@]}" "$gen/gen" proxy "$proxy"
git init -q -b main "$origin"
sha=() what=()
for ((i = 0; i <= commits; i++)); do
  what[i]=$("${genv[@]}" "$gen/gen" app "$origin" "$i")
  if ! (cd "$origin" && "${genv[@]}" "$go" mod tidy) > "$gen/tidy.log" 2>&1; then
    echo "history: go mod tidy failed at commit $i:" >&2; cat "$gen/tidy.log" >&2; exit 1
  fi
  git -C "$origin" add -A
  date="$(( 1767225600 + i * 3600 )) +0000"
  GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date git -C "$origin" -c user.name=bench -c user.email=bench@example.com \
    commit -q -m "${what[i]}"
  sha[i]=$(git -C "$origin" rev-parse HEAD)
done
packages=$(git -C "$origin" ls-files 'internal/*_test.go' | wc -l)
lines=$(git -C "$origin" ls-files -z '*.go' | (cd "$origin" && xargs -0 cat) | wc -l)
dep_lines=$(wc -l < "$gen/modcache/example.com/dep01@v1.0.0/p1/p1.go")
echo "history: proxy $(du -sh "$proxy" | cut -f1), app at commit $commits: $packages packages, $lines lines of Go; a dependency package has ~$dep_lines lines" >&2

# 2. The jobs. One runner: the checkout always at the same path (as /home/runner/work/x/x on GitHub), caches under HOME.
runner=$work/runner
home=$runner/home
checkout=$runner/work/app/app
gocache=$home/.cache/go-build
gomodcache=$home/go/pkg/mod
job=$work/job
jenv=(env -i HOME="$home" PATH="$sys_path" GOPATH="$home/go" GOCACHE="$gocache" GOMODCACHE="$gomodcache"
      GOPROXY="file://$proxy" GOSUMDB=off GOFLAGS=-mod=readonly GOTOOLCHAIN=local)
ver=$("${jenv[@]}" "$go" env GOVERSION); ver=${ver#go}
results=$work/results.tsv
: > "$results"
echo "note: every job checks out at $checkout. GitHub's runners use one path per repository (/home/runner/work/<repo>/<repo>);" \
  "GitLab's is /builds/<namespace>/<project>, or /builds/<runner>/<n>/<namespace>/<project> with concurrent jobs on a runner" \
  "(n varies), and without -trimpath Go hashes each main-module package's directory into its action IDs, so a build cache" \
  "restored under another path misses for every main-module package there (only the standard library and dependencies hit)." >&2

bytes_newer() { find "$1" -type f -newer "$2" -printf '%s\n' 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }
bytes_files() { find "$1" -type f -printf '%s\n' 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

run_job() { # scheme commit-index
  local scheme=$1 i=$2 store=$work/store/$1 key kind mod_kind=- restored=0 saved=0 saved_build=0 used ms t0 line
  local mod_key build_key mod_restore=() build_restore=() keys=() job_t0
  job_t0=$(date +%s%N)
  [ ! -d "$home" ] || chmod -R u+w "$home"
  rm -rf "$runner" "$job"
  mkdir -p "$home" "$job" "$(dirname "$checkout")"
  git clone -q --no-checkout "$origin" "$checkout"
  git -C "$checkout" checkout -q --detach "${sha[i]}"
  local gosum
  gosum=$(sha256sum "$checkout/go.sum" | cut -d' ' -f1)

  case $scheme in
    setup-go)
      key="setup-go-linux-x64-go$ver-$gosum"
      cache_restore "$store" "$home" "$key"
      kind=$hit_kind restored=$hit_bytes ;;
    save-always)
      key="always-go$ver-$gosum-$i"
      cache_restore "$store" "$home" "$key" "always-go$ver-$gosum-" "always-go$ver-"
      kind=$hit_kind restored=$hit_bytes ;;
    goenv)
      if ! (cd "$checkout" && "${jenv[@]}" "$bin" pin --env-file "$job/pinned.env" --summary json) > "$job/pin.json" 2> "$job/pin.log"; then
        echo "history: goenv-action pin failed at commit $i:" >&2; cat "$job/pin.json" "$job/pin.log" >&2; exit 1
      fi
      mapfile -t keys < <(python3 -c '
import json, sys
k = json.load(open(sys.argv[1]))["cacheKeys"]
print(k["modules"]); print("\t".join(k["modulesRestoreKeys"])); print(k["build"]); print("\t".join(k["buildRestoreKeys"]))' "$job/pin.json")
      mod_key=${keys[0]} build_key=${keys[2]}
      IFS=$'\t' read -r -a mod_restore <<< "${keys[1]}"
      IFS=$'\t' read -r -a build_restore <<< "${keys[3]}"
      cache_restore "$store" "$home" "$mod_key" "${mod_restore[@]}"
      mod_kind=$hit_kind restored=$hit_bytes
      key="$build_key-$i"
      cache_restore "$store" "$home" "$key" "$build_key-" "${build_restore[@]}"
      kind=$hit_kind restored=$((restored + hit_bytes)) ;;
  esac

  mkdir -p "$gocache"
  if [ "$scheme" = goenv ]; then
    line=$("${jenv[@]}" "$bin" cache prepare --gocache "$gocache") || { echo "history: cache prepare failed at commit $i: $line" >&2; exit 1; }
    echo "  [goenv $i] $line" >&2
  fi
  # Measurement, the same in every scheme: every restored entry that is less than an hour old (for goenv: that
  # `cache prepare` left so) is made to look 2 hours old, so Go refreshes the mtime of each one it uses; what changes
  # mtime after the marker is the working set. It changes no file's content or presence, so nothing a scheme saves.
  local now young
  now=$(date +%s)
  young=$(find "$gocache" -type f -path "$gocache/??/*" -newermt "@$(( now - 3600 ))" -printf . | wc -c)
  find "$gocache" -type f -newermt "@$(( now - 3600 ))" -exec touch -d "@$(( now - 7200 ))" {} +
  if [ "$scheme" = goenv ] && [ "$young" -gt 0 ]; then
    echo "  [goenv $i] warning: cache prepare left $young restored entries less than an hour old (Go would not mark them when used)" >&2
  fi
  touch "$job/marker"
  sleep 0.1 # file times are taken from a coarse clock: keep the marker strictly older than anything the job writes

  t0=$(date +%s%N)
  if ! (cd "$checkout" && "${jenv[@]}" "$go" build ./... && "${jenv[@]}" "$go" test ./...) > "$job/build.log" 2>&1; then
    echo "history: build or test failed ($scheme, commit $i):" >&2; tail -40 "$job/build.log" >&2; exit 1
  fi
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  used=$(bytes_newer "$gocache" "$job/marker")

  case $scheme in
    setup-go)
      if [ "$kind" != exact ]; then
        cache_save "$store" "$key" "setup-go-linux-x64-go$ver-" "$home" .cache/go-build go/pkg/mod
        saved=$saved_bytes
      fi ;;
    save-always)
      cache_save "$store" "$key" "always-go$ver-" "$home" .cache/go-build go/pkg/mod
      saved=$saved_bytes ;;
    goenv)
      line=$("${jenv[@]}" "$bin" cache trim --gocache "$gocache") || { echo "history: cache trim failed at commit $i: $line" >&2; exit 1; }
      echo "  [goenv $i] $line" >&2
      if [ "$mod_kind" != exact ]; then
        cache_save "$store" "$mod_key" "${mod_restore[${#mod_restore[@]}-1]}" "$home" go/pkg/mod
        saved=$saved_bytes
      fi
      cache_save "$store" "$key" "${build_restore[${#build_restore[@]}-1]}" "$home" .cache/go-build
      saved_build=$saved_bytes saved=$((saved + saved_bytes)) ;;
  esac
  local du files
  du=$(du -sb "$gocache" | cut -f1)
  files=$(bytes_files "$gocache")
  printf '%s\t%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n' "$scheme" "$i" "$kind" "$mod_kind" "$restored" "$saved" "$saved_build" \
    "$du" "$files" "$used" "$ms" "$(( ($(date +%s%N) - job_t0) / 1000000 ))" >> "$results"
  printf '[%s] commit %d: %s%s, build+test %.1f s, restored %s MB, saved %s MB, GOCACHE %s MB, used %s MB\n' "$scheme" "$i" \
    "$kind" "$([ "$mod_kind" = - ] || echo " (modules $mod_kind)")" "$(awk -v m="$ms" 'BEGIN { print m / 1000 }')" \
    "$(mb "$restored")" "$(mb "$saved")" "$(mb "$du")" "$(mb "$used")" >&2
}

for ((i = 1; i <= commits; i++)); do
  echo "commit $i: ${what[i]}" >&2
  for ((s = 0; s < ${#schemes[@]}; s++)); do
    run_job "${schemes[$(( (s + i) % ${#schemes[@]} ))]}" "$i"
  done
done
[ ! -d "$home" ] || chmod -R u+w "$home"

# 3. The tables.
printf '%s\n' "${what[@]}" > "$work/what.txt"
for s in "${schemes[@]}"; do cp "$work/store/$s/index.tsv" "$work/index-$s.tsv" 2>/dev/null || : > "$work/index-$s.tsv"; done
mkdir -p "$(dirname "$out")"
python3 - "$work" "$("${jenv[@]}" "$go" version)" "$(nproc)" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$packages" "$lines" "$dep_lines" "${schemes[*]}" <<'PY' > "$out"
import sys, statistics
work, goversion, cores, load_before, load_after, packages, lines, dep_lines, schemes = sys.argv[1:]
lines = int(lines)
schemes = schemes.split()
what = open(f"{work}/what.txt").read().splitlines()
rows = {}
for line in open(f"{work}/results.tsv"):
    s, i, kind, mod_kind, restored, saved, saved_build, du, files, used, ms, job_ms = line.rstrip("\n").split("\t")
    rows[(s, int(i))] = dict(kind=kind, mod=mod_kind, restored=int(restored), saved=int(saved), saved_build=int(saved_build),
                             du=int(du), files=int(files), used=int(used), s=int(ms) / 1000, job=int(job_ms) / 1000)
commits = sorted({i for _, i in rows})
mb = lambda b: f"{b / 1e6:.1f}"
print(f"Measured with {goversion}, {cores} cores, load average (1/5/15 min) before / after: {load_before} / {load_after}. "
      f"Generated project: {packages} packages at the last commit ({lines:,} lines of Go), 12 dependency modules of 3–5 "
      f"packages (~{dep_lines} lines each); one job = fresh clone at a fixed path, restore, `go build ./... && go test ./...`, save. "
      "Sizes in MB (10⁶ bytes); ↓ restored and ↑ saved are archive (tar + zstd) sizes, GOCACHE is `du -sb` after the job "
      "(after `cache trim` for goenv), used is the job's working set (bytes of the GOCACHE entries it read or wrote). "
      "goenv's hit is the build cache's, then the module cache's.")
print()
head = "| # | change |" + "".join(f" {s} hit | {s} s | {s} ↓ / ↑ MB | {s} GOCACHE / used MB |" for s in schemes)
print(head)
print("|---|---|" + "---|---:|---:|---:|" * len(schemes))
for i in commits:
    cells = []
    for s in schemes:
        r = rows[(s, i)]
        hit = r["kind"] + (f" / {r['mod']}" if r["mod"] != "-" else "")
        cells += [hit, f"{r['s']:.1f}", f"{mb(r['restored'])} / {mb(r['saved'])}", f"{mb(r['du'])} / {mb(r['used'])}"]
    print(f"| {i} | {what[i]} | " + " | ".join(cells) + " |")
print()

def store(s):
    entries = [l.rstrip("\n").split("\t") for l in open(f"{work}/index-{s}.tsv") if l.strip()]
    total = sum(int(e[3]) for e in entries)
    newest = {}
    for seq, key, family, size in entries:
        newest[family] = int(size)
    return total, sum(newest.values()), len(entries)

print("| scheme | hits: exact / prefix / miss | ↑ saved MB (archives) | ↓ restored MB | store at the end MB (archives) | newest archive per prefix MB | build+test s, all jobs | warm jobs: s (n, mean) | cold jobs: s (n) | whole jobs s (clone, pin, restore, build+test, save) |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
summary = {}
for s in schemes:
    rs = [rows[(s, i)] for i in commits]
    kinds = [r["kind"] for r in rs]
    warm = [r["s"] for r in rs if r["kind"] != "miss"]
    cold = [r["s"] for r in rs if r["kind"] == "miss"]
    total, newest, archives = store(s)
    summary[s] = dict(warm=warm, total=sum(r["s"] for r in rs))
    mods = ""
    if any(r["mod"] != "-" for r in rs):
        m = [r["mod"] for r in rs]
        mods = f" (modules {m.count('exact')} / {m.count('prefix')} / {m.count('miss')})"
    print(f"| {s} | {kinds.count('exact')} / {kinds.count('prefix')} / {kinds.count('miss')}{mods}, hit rate {100 * (len(rs) - kinds.count('miss')) / len(rs):.0f} % "
          f"| {mb(sum(r['saved'] for r in rs))} | {mb(sum(r['restored'] for r in rs))} | {mb(total)} ({archives}) | {mb(newest)} "
          f"| {summary[s]['total']:.1f} | {sum(warm):.1f} ({len(warm)}, {statistics.mean(warm) if warm else 0:.1f}) | {sum(cold):.1f} ({len(cold)}) | {sum(r['job'] for r in rs):.1f} |")
print()
print("- Every job checks out at one fixed path, as GitHub's runners do (/home/runner/work/<repo>/<repo>). GitLab's path is "
      "/builds/<namespace>/<project>, or /builds/<runner>/<n>/<namespace>/<project> with concurrent jobs on one runner (n varies): "
      "without -trimpath Go hashes a main-module package's directory into its action ID, so a build cache restored under "
      "another path misses for every main-module package (the standard library and dependencies still hit).")
if "goenv" in schemes:
    ratios = [(rows[("goenv", i)]["files"] / max(rows[("goenv", i)]["used"], 1), i) for i in commits]
    worst, at = max(ratios)
    print(f"- goenv saved build cache <= 1.1x working set at every commit: {'yes' if worst <= 1.1 else 'no'} "
          f"(worst ratio {worst:.3f}, commit {at}; bytes of the files in GOCACHE after `cache trim` ÷ bytes of the entries the job used)")
    if "setup-go" in schemes and summary["setup-go"]["warm"] and summary["goenv"]["warm"]:
        g, sg = summary["goenv"], summary["setup-go"]
        both = [i for i in commits if rows[("goenv", i)]["kind"] != "miss" and rows[("setup-go", i)]["kind"] != "miss"]
        pair = f"; on the {len(both)} commits warm in both: goenv {sum(rows[('goenv', i)]['s'] for i in both):.1f} s, setup-go {sum(rows[('setup-go', i)]['s'] for i in both):.1f} s" if both else ""
        print(f"- goenv warm job time vs setup-go: mean {statistics.mean(g['warm']):.1f} s over {len(g['warm'])} warm jobs vs "
              f"{statistics.mean(sg['warm']):.1f} s over {len(sg['warm'])} ({statistics.mean(g['warm']) / statistics.mean(sg['warm']):.2f}×){pair}; "
              f"all {len(commits)} jobs: {g['total']:.1f} s vs {sg['total']:.1f} s ({g['total'] / sg['total']:.2f}×)")
else:
    print("- goenv saved build cache <= 1.1x working set at every commit: not measured (goenv scheme not run)")
    print("- goenv warm job time vs setup-go: not measured (goenv scheme not run)")
PY
cat "$out"
echo "history: done in $(( $(date +%s) - started )) s (tables in $out; splice with: source bench/splice.sh; splice_table docs/performance.md history $out)" >&2
