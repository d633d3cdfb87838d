# Sourced by the bench scripts (from the repository root): hyperfine, the Go to measure with ($go, from the
# first argument or the newest installed), the published Native AOT binary ($bin), a scratch directory ($work)
# removed on exit, and splice_table FILE MARKER TABLE to put a table between <!-- BENCH:MARKER --> markers.
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null

go=${1:-$(ls /opt/goenv-go/1.27/usr/lib/go-1.27/bin/go /usr/lib/go-1.23/bin/go 2>/dev/null | head -1)}
[ -x "$go" ] || { echo "bench: no Go toolchain found (run .ci/install-go.sh)" >&2; exit 1; }

dotnet publish src/GoEnv.Actions/GoEnv.Actions.csproj -c Release -r linux-x64 -o artifacts/publish/linux-x64 -v quiet -nologo >&2
bin=$PWD/artifacts/publish/linux-x64/goenv-action

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"

splice_table() { # file marker table-file
  python3 - "$1" "$2" "$3" <<'PY'
import sys, re
doc, marker, table = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
text = open(doc).read()
text = re.sub(r"(<!-- BENCH:%s -->\n).*?(<!-- /BENCH:%s -->)" % (marker, marker), lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
open(doc, "w").write(text)
PY
}
