#!/bin/sh
# Installs the prebuilt goenv-action for this machine, verified against a pinned SHA-256, and prints the path of
# the executable: the only line it writes on stdout (everything else goes to stderr). action.yml runs it; the
# GitLab component templates/goenv.yml carries a verbatim copy (a test keeps the two equal). By hand:
#
#   scripts/install-goenv-action.sh [--version V] [--download-url URL] [--checksums FILE] [--dest DIR] [--rid RID]
#   scripts/install-goenv-action.sh --print-rid
#
# Each option falls back to an environment variable, and an empty value means the default:
#   GOENV_ACTION_VERSION       version to install. Default: dist/VERSION beside this script.
#   GOENV_ACTION_DOWNLOAD_URL  URL of the directory holding goenv-action-<rid>.tar.gz: https://, http:// or file://,
#                              for mirrors and air-gapped runners. Default: the GitHub release of that version.
#   GOENV_ACTION_CHECKSUMS     sha256sum-format file pinning the archives. Default: dist/SHA256SUMS beside this
#                              script, which pins the archives of the dist/VERSION release only.
#   GOENV_ACTION_DEST          directory keeping the archive and the executable.
#                              Default: $RUNNER_TOOL_CACHE/goenv-action/<version>/<rid> ($RUNNER_TEMP, $TMPDIR or /tmp
#                              when there is no tool cache).
#   GOENV_ACTION_RID           .NET runtime identifier to install. Default: from RUNNER_OS/RUNNER_ARCH, else uname.
#
# Nothing unverified is ever kept or run: an archive without a pinned checksum is not even downloaded, a cached
# archive is reused only while its checksum still matches, and its content (the executable and any native library
# beside it) is always extracted again from the verified archive into <dest>/bin. With GITHUB_OUTPUT set, the path
# is also written there as the step output `path`.
# Exit status: 0 installed, 1 refused or failed (the reason is on stderr), 2 usage error.
#
# POSIX sh on purpose: it also runs in Alpine (busybox) images on GitLab, under Git Bash on Windows and on macOS.
set -eu

default_download_url='https://github.com/org/goenv-action/releases/download/v{version}'
builds='linux-x64, linux-arm64, linux-musl-x64, osx-arm64, win-x64'

say() { printf 'install-goenv-action: %s\n' "$*" >&2; }

die() {
  say "error: $*"
  if [ "${GITHUB_ACTIONS:-}" = true ]; then
    # An annotation as well; '%' must be escaped in workflow command data, and the message has no line breaks.
    printf '::error title=goenv-action install::%s\n' "$(printf '%s' "$*" | sed 's/%/%25/g')" >&2
  fi
  exit 1
}

usage() {
  say "$1"
  say "usage: install-goenv-action.sh [--version V] [--download-url URL] [--checksums FILE] [--dest DIR] [--rid RID] | --print-rid"
  exit 2
}

# A mirror URL may carry credentials (https://user:token@host/...): never print them.
redact() { printf '%s' "$1" | sed 's#://[^/@]*@#://***@#'; }

version=${GOENV_ACTION_VERSION:-}
download_url=${GOENV_ACTION_DOWNLOAD_URL:-}
checksums=${GOENV_ACTION_CHECKSUMS:-}
dest=${GOENV_ACTION_DEST:-}
rid=${GOENV_ACTION_RID:-}
print_rid=
while [ $# -gt 0 ]; do
  case $1 in
    --version|--download-url|--checksums|--dest|--rid)
      [ $# -ge 2 ] || usage "$1 needs a value"
      case $1 in
        --version) version=$2 ;;
        --download-url) download_url=$2 ;;
        --checksums) checksums=$2 ;;
        --dest) dest=$2 ;;
        --rid) rid=$2 ;;
      esac
      shift 2
      ;;
    --print-rid) print_rid=1; shift ;;
    *) usage "unknown argument: $1" ;;
  esac
done

script_dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
dist_dir=$(dirname -- "$script_dir")/dist

is_musl() {
  for loader in /lib/ld-musl-*.so.1; do
    [ -e "$loader" ] && return 0
  done
  ldd --version 2>&1 | grep -qi musl
}

detect_rid() {
  os=${RUNNER_OS:-$(uname -s)}
  arch=${RUNNER_ARCH:-$(uname -m)}
  case $os in
    Linux|linux) os=linux ;;
    macOS|Darwin) os=osx ;;
    Windows|Windows_NT|MINGW*|MSYS*|CYGWIN*) os=win ;;
    *) die "no goenv-action build for the operating system '$os' (builds: $builds)" ;;
  esac
  case $arch in
    X64|x64|x86_64|amd64|AMD64) arch=x64 ;;
    ARM64|arm64|aarch64) arch=arm64 ;;
    *) die "no goenv-action build for the processor '$arch' (builds: $builds)" ;;
  esac
  # Alpine and other musl systems cannot run the glibc build.
  if [ "$os" = linux ] && is_musl; then
    os=linux-musl
  fi
  printf '%s-%s\n' "$os" "$arch"
}

if command -v sha256sum >/dev/null 2>&1; then
  sha256_tool=sha256sum
elif command -v shasum >/dev/null 2>&1; then
  sha256_tool='shasum -a 256'
elif command -v openssl >/dev/null 2>&1; then
  sha256_tool='openssl dgst -sha256 -r'
else
  sha256_tool=
fi

# Hashing stdin keeps the file name (a Windows path, say) out of the tool's output format.
sha256_of() {
  sum=$($sha256_tool < "$1") || die "$sha256_tool cannot read $1"
  printf '%s\n' "${sum%% *}" | tr 'ABCDEF' 'abcdef'
}

# The checksum pinned for one archive name: "<sha256>  <name>" or "<sha256> *<name>"; '#' lines are comments.
pinned_sha256() {
  pinned=
  while IFS= read -r line || [ -n "$line" ]; do
    line=$(printf '%s' "$line" | tr -d '\r')
    case $line in ''|'#'*) continue ;; esac
    name=${line#* }
    name=${name# }
    name=${name#\*}
    [ "$name" = "$2" ] || continue
    [ -z "$pinned" ] || die "$1 pins $2 more than once"
    pinned=$(printf '%s\n' "${line%% *}" | tr 'ABCDEF' 'abcdef')
    case $pinned in
      *[!0-9a-f]*) die "$1 pins $2 with '$pinned', which is not a SHA-256" ;;
    esac
    [ ${#pinned} -eq 64 ] || die "$1 pins $2 with '$pinned', which is not a SHA-256"
  done < "$1"
  printf '%s\n' "$pinned"
}

# True when directory $2 holds exactly the files of directory $1, byte for byte (by SHA-256).
same_files() {
  [ -d "$2" ] || return 1
  [ "$(ls -A "$1")" = "$(ls -A "$2")" ] || return 1
  for new_file in "$1"/* "$1"/.[!.]*; do
    [ -e "$new_file" ] || continue
    old_file=$2/${new_file##*/}
    [ -f "$new_file" ] && [ -f "$old_file" ] || return 1
    [ "$(sha256_of "$new_file")" = "$(sha256_of "$old_file")" ] || return 1
  done
}

download() { # url file
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 --connect-timeout 30 -o "$2" "$1" && return 0
    status=$?
    die "downloading $(redact "$1") failed (curl exit status $status)"
  fi
  case $1 in
    file://*)
      cp "${1#file://}" "$2" || die "copying $(redact "$1") failed"
      ;;
    *)
      command -v wget >/dev/null 2>&1 || die "cannot download $(redact "$1"): neither curl nor wget is installed"
      wget -q -O "$2" "$1" && return 0
      status=$?
      die "downloading $(redact "$1") failed (wget exit status $status)"
      ;;
  esac
}

if [ -z "$rid" ]; then
  rid=$(detect_rid)
fi
case $rid in
  linux-x64|linux-arm64|linux-musl-x64|osx-arm64|win-x64) ;;
  *) die "no goenv-action build for $rid (builds: $builds)" ;;
esac
if [ -n "$print_rid" ]; then
  printf '%s\n' "$rid"
  exit 0
fi

dist_version=
if [ -f "$dist_dir/VERSION" ]; then
  dist_version=$(tr -d ' \r\n' < "$dist_dir/VERSION")
fi
if [ -z "$version" ]; then
  [ -n "$dist_version" ] || die "no version given and no $dist_dir/VERSION"
  version=$dist_version
fi
version=${version#v}
case $version in
  ''|*[!0-9A-Za-z.+-]*) die "'$version' is not a goenv-action version (like 0.1.0)" ;;
esac

if [ -z "$checksums" ]; then
  checksums=$dist_dir/SHA256SUMS
  if [ "$version" != "$dist_version" ]; then
    die "no pinned checksum for $rid in this action version: $checksums pins the archives of goenv-action $dist_version, not $version; give the SHA256SUMS of $version in GOENV_ACTION_CHECKSUMS (or --checksums)"
  fi
fi
[ -f "$checksums" ] || die "the checksums file $checksums does not exist"
[ -n "$sha256_tool" ] || die "cannot verify a download: none of sha256sum, shasum or openssl is installed"

archive=goenv-action-$rid.tar.gz
expected=$(pinned_sha256 "$checksums" "$archive")
if [ -z "$expected" ]; then
  die "no pinned checksum for $rid in this action version ($version): $checksums has no line for $archive, so nothing is downloaded. Use a released version of the action (its release workflow fills dist/SHA256SUMS), or give a checksums file in GOENV_ACTION_CHECKSUMS."
fi

if [ -z "$download_url" ]; then
  download_url=$(printf '%s\n' "$default_download_url" | sed "s/{version}/$version/")
fi
if [ -z "$dest" ]; then
  dest=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}/goenv-action/$version/$rid
fi
# Git Bash on Windows: a C:\ path confuses tar (the colon reads as a remote host) and sed; use the POSIX form.
if command -v cygpath >/dev/null 2>&1; then
  dest=$(cygpath -u "$dest")
fi
case $dest in
  *'
'*) die "the destination directory name contains a line break" ;;
esac
exe=goenv-action
case $rid in win-*) exe=goenv-action.exe ;; esac

partial=
unpack=
trap 'rm -rf "$partial" "$unpack"' EXIT
trap 'exit 1' HUP INT TERM
mkdir -p "$dest" || die "cannot create $dest"

if [ -f "$dest/$archive" ] && [ "$(sha256_of "$dest/$archive")" = "$expected" ]; then
  say "reusing $dest/$archive (SHA-256 verified)"
else
  url=${download_url%/}/$archive
  say "downloading $(redact "$url")"
  partial=$dest/.$archive.$$
  download "$url" "$partial"
  actual=$(sha256_of "$partial")
  if [ "$actual" != "$expected" ]; then
    die "checksum mismatch for $archive from $(redact "$url"): expected $expected, got $actual. Nothing was installed."
  fi
  mv -f "$partial" "$dest/$archive"
  partial=
fi

unpack=$dest/.unpack.$$
rm -rf "$unpack"
mkdir "$unpack"
(cd "$unpack" && tar -xzf "../$archive") || die "cannot unpack $dest/$archive"
[ -f "$unpack/$exe" ] || die "$archive has no $exe at its top level"
chmod +x "$unpack/$exe"
# The archive may hold native libraries beside the executable; all of it goes to $dest/bin. Another job on this
# runner may be running the cached copy (Windows cannot replace it then), so an identical bin/ stays in place.
if ! same_files "$unpack" "$dest/bin" || [ ! -x "$dest/bin/$exe" ]; then
  rm -rf "${dest:?}/bin" || die "cannot replace $dest/bin"
  mv "$unpack" "$dest/bin" || die "cannot install $dest/bin"
  unpack=
fi

say "goenv-action $version ($rid) is $dest/bin/$exe"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  printf 'path=%s\n' "$dest/bin/$exe" >> "$GITHUB_OUTPUT"
fi
printf '%s\n' "$dest/bin/$exe"
