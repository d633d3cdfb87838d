# Sourced by the bench scripts (from the repository root): hyperfine, the Go to measure with ($go, from the
# first argument or the newest installed), the published Native AOT binary ($bin), a scratch directory ($work)
# removed on exit, build_base REV (sets $base to the published binary of revision REV), and splice_table FILE
# MARKER TABLE (from bench/splice.sh) to put a table between <!-- BENCH:MARKER --> markers.
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null

go=${1:-$(ls /opt/goenv-go/1.27/usr/lib/go-1.27/bin/go /usr/lib/go-1.23/bin/go 2>/dev/null | head -1)}
[ -x "$go" ] || { echo "bench: no Go toolchain found (run .ci/install-go.sh)" >&2; exit 1; }

dotnet publish src/GoEnv.Actions/GoEnv.Actions.csproj -c Release -r linux-x64 -o artifacts/publish/linux-x64 -v quiet -nologo >&2
bin=$PWD/artifacts/publish/linux-x64/goenv-action

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"

source bench/splice.sh

# build_base REV: publishes the Native AOT binary of revision REV (a temporary worktree) and sets $base to it.
build_base() {
  git worktree add -q --detach "$work/base-tree" "$1"
  dotnet publish "$work/base-tree/src/GoEnv.Actions/GoEnv.Actions.csproj" -c Release -r linux-x64 -o "$work/base" -v quiet -nologo >&2
  git worktree remove --force "$work/base-tree"
  base=$work/base/goenv-action
}
