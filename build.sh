#!/usr/bin/env bash
# The two commands of the README:
#   ./build.sh check [args…]  build the goenv-action CLI (Native AOT) and run `goenv-action check` on this machine
#   ./build.sh test           install what the tests need (Go toolchains from Debian, Wine and Windows builds of Go,
#                             the npm validators), then run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

publish_dir=artifacts/publish/linux-x64

case "${1:-}" in
  check|explain)
    cmd=$1; shift
    dotnet publish src/GoEnv.Actions/GoEnv.Actions.csproj -c Release -r linux-x64 -o "$publish_dir" -v quiet -nologo >&2
    exec "$publish_dir/goenv-action" "$cmd" "$@"
    ;;
  test)
    shift
    # Set-up is idempotent and quick when everything is there already.
    # The Windows suite's Wine and Windows Go builds come after the Linux toolchains they are built from.
    for script in .ci/install-go.sh .ci/install-wine.sh; do
      if [ "$(id -u)" = 0 ]; then bash "$script" >&2; elif command -v sudo >/dev/null; then sudo bash "$script" >&2; else
        echo "build.sh: not root and no sudo: skipping $script (the tests need what it installs)" >&2; fi
    done
    if [ -f tools/validators/install.sh ]; then bash tools/validators/install.sh >&2; fi
    dotnet test --solution GoEnv.slnx -c Release --results-directory "$PWD/artifacts/test-results" -- --report-trx "$@"
    ;;
  *)
    echo "usage: ./build.sh check [--format json] [--go PATH] | ./build.sh explain GOENV0052 | ./build.sh test" >&2
    exit 2
    ;;
esac
