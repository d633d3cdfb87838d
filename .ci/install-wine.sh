#!/usr/bin/env bash
# Installs what the Windows suite (tests/GoEnv.Actions.Tests/Windows) needs on this Linux machine:
#   - Wine 8.0 from Debian (wine, wine64) and the mingw-w64 C compiler (the suite builds two small helpers with it);
#   - a Windows go.exe and compile.exe for the oldest and the newest Go that .ci/install-go.sh installed, cross-built
#     from that Go's own sources (Go is not patched), in a Windows-shaped GOROOT:
#       $GOENV_GO_ROOT/windows/<version>/go/{bin/go.exe,pkg/tool/windows_amd64/compile.exe,VERSION,go.env,src,lib,api,misc}
#     (src, lib, api and misc are links to the Linux tree: Go reads them, Wine follows Unix links).
# Run after .ci/install-go.sh. Idempotent: a GOROOT already built for the same Go version is kept. About 2 minutes
# on 2 cores when nothing is there. Set GOENV_SKIP_WINE=1 to skip it all (the suite then reports "skipped: no wine").
set -euo pipefail

[ "${GOENV_SKIP_WINE:-}" = 1 ] && { echo "install-wine: skipped (GOENV_SKIP_WINE=1)" >&2; exit 0; }

root=${GOENV_GO_ROOT:-/opt/goenv-go}
export DEBIAN_FRONTEND=noninteractive

missing=()
command -v wine >/dev/null 2>&1 || missing+=(wine wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing+=(gcc-mingw-w64-x86-64-win32)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The oldest and the newest Linux toolchain: Windows behaviour changed between them (GOPATH==GOROOT warning text in
# 1.24, ProcessPrng from 1.22 on), and two builds keep the set-up inside its budget.
linux_roots=()
for go in /usr/lib/go-*/bin/go "$root"/*/usr/lib/go-*/bin/go; do
  [ -x "$go" ] && linux_roots+=("$(dirname "$(dirname "$go")")")
done
if [ ${#linux_roots[@]} -eq 0 ]; then
  echo "install-wine: no Linux Go toolchain found; run .ci/install-go.sh first" >&2
  exit 1
fi
mapfile -t ordered < <(for r in "${linux_roots[@]}"; do printf '%s %s\n' "$(head -n1 "$r/VERSION" | sed 's/^go//')" "$r"; done | sort -V | awk '{print $2}')
selected=("${ordered[0]}")
[ ${#ordered[@]} -gt 1 ] && selected+=("${ordered[-1]}")

build_windows_goroot() { # linux GOROOT
  local src=$1 version dest
  version=$(head -n1 "$src/VERSION")
  dest=$root/windows/${version#go}
  if [ -f "$dest/go/bin/go.exe" ] && [ -f "$dest/go/pkg/tool/windows_amd64/compile.exe" ] && [ "$(head -n1 "$dest/go/VERSION")" = "$version" ]; then
    echo "install-wine: $version for Windows at $dest/go (kept)" >&2
    return 0
  fi
  rm -rf "$dest.partial"
  mkdir -p "$dest.partial/go/bin" "$dest.partial/go/pkg/tool/windows_amd64"
  local home; home=$(mktemp -d)
  # A clean Go environment: nothing from the machine's own (GOFLAGS, GOENV file, toolchain switch) reaches the build.
  (cd "$(readlink -f "$src/src")" && env -i PATH=/usr/bin:/bin HOME="$home" GOROOT="$src" GOTOOLCHAIN=local GOENV=off \
     GOFLAGS= CGO_ENABLED=0 GOOS=windows GOARCH=amd64 "$src/bin/go" build -trimpath -o "$dest.partial/go/bin/go.exe" cmd/go &&
   env -i PATH=/usr/bin:/bin HOME="$home" GOROOT="$src" GOTOOLCHAIN=local GOENV=off \
     GOFLAGS= CGO_ENABLED=0 GOOS=windows GOARCH=amd64 "$src/bin/go" build -trimpath -o "$dest.partial/go/pkg/tool/windows_amd64/compile.exe" cmd/compile)
  rm -rf "$home"
  cp "$src/VERSION" "$dest.partial/go/VERSION"
  [ -f "$src/go.env" ] && cp "$src/go.env" "$dest.partial/go/go.env"
  for d in src lib api misc; do
    [ -e "$src/$d" ] && ln -s "$(readlink -f "$src/$d")" "$dest.partial/go/$d"
  done
  rm -rf "$dest"; mv "$dest.partial" "$dest"
  echo "install-wine: $version for Windows at $dest/go (built)" >&2
}
for r in "${selected[@]}"; do build_windows_goroot "$r"; done

echo "install-wine: $(wine --version 2>/dev/null) with $(ls -d "$root"/windows/*/go 2>/dev/null | wc -l) Windows Go toolchain(s)"
