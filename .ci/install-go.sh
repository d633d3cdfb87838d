#!/usr/bin/env bash
# Installs the real Go toolchains the differential tests run against, from Debian only (and rsync and zstd).
#   Go 1.19            : bookworm            -> /usr/lib/go-1.19
#   Go 1.21, 1.22, 1.23: bookworm-backports  -> /usr/lib/go-1.2x
#   Go 1.24            : trixie   (.debs unpacked with dpkg -x) -> /opt/goenv-go/1.24/usr/lib/go-1.24
#   Go 1.26, 1.27      : sid      (same way)
# Idempotent: what is already there is kept. Prints one line per toolchain found.
set -euo pipefail

root=${GOENV_GO_ROOT:-/opt/goenv-go}
export DEBIAN_FRONTEND=noninteractive

need_system=()
for v in 1.19 1.21 1.22 1.23; do
  [ -x "/usr/lib/go-$v/bin/go" ] || need_system+=("golang-$v-go")
done
if [ ${#need_system[@]} -gt 0 ]; then
  if [ ! -f /etc/apt/sources.list.d/goenv-backports.sources ]; then
    cat > /etc/apt/sources.list.d/goenv-backports.sources <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  apt-get update -qq >/dev/null
  apt-get install -y -qq golang-1.19-go >/dev/null
  apt-get install -y -qq -t bookworm-backports golang-1.21-go golang-1.22-go golang-1.23-go >/dev/null
fi

# gitlab-ci-local (tools/validators) copies caches and artifacts with rsync; the bench compresses with zstd.
missing_tools=()
command -v rsync >/dev/null 2>&1 || missing_tools+=(rsync)
command -v zstd >/dev/null 2>&1 || missing_tools+=(zstd)
if [ ${#missing_tools[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing_tools[@]}" >/dev/null
fi

# Newer toolchains: a private apt configuration so the machine's own sources stay untouched.
fetch_private() { # suite package-version...
  local suite=$1; shift
  local missing=0
  for v in "$@"; do [ -x "$root/$v/usr/lib/go-$v/bin/go" ] || missing=1; done
  [ $missing = 1 ] || return 0
  local state=$root/apt-$suite
  mkdir -p "$state/lists/partial" "$state/archives/partial"
  cat > "$state/sources.list" <<SRC
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main
SRC
  local opts=(-o "Dir::Etc::SourceList=$state/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
              -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache" -o "APT::Get::List-Cleanup=0")
  mkdir -p "$state/cache/archives/partial"
  apt-get "${opts[@]}" update -qq >/dev/null
  for v in "$@"; do
    local dest=$root/$v
    [ -x "$dest/usr/lib/go-$v/bin/go" ] && continue
    local tmp; tmp=$(mktemp -d)
    if ! (cd "$tmp" && apt-get "${opts[@]}" download -qq "golang-$v-go" "golang-$v-src" >/dev/null 2>&1); then
      echo "install-go: golang-$v not available from $suite" >&2; rm -rf "$tmp"; continue
    fi
    rm -rf "$dest.partial"; mkdir -p "$dest.partial"
    for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$dest.partial"; done
    rm -rf "$tmp" "$dest"; mv "$dest.partial" "$dest"
  done
}
fetch_private trixie 1.24
fetch_private sid 1.26 1.27

for go in /usr/lib/go-*/bin/go "$root"/*/usr/lib/go-*/bin/go; do
  [ -x "$go" ] && echo "install-go: $("$go" version) at $go"
done
