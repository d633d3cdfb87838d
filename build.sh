#!/usr/bin/env bash
# The two commands of the README:
#   ./build.sh check [args…]  build the goenv-action CLI (Native AOT) and run `goenv-action check` on this machine
#   ./build.sh test           run the whole test suite (needs Go toolchains: .ci/install-go.sh installs them)
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
    dotnet test --solution GoEnv.slnx -c Release --results-directory "$PWD/artifacts/test-results" -- --report-trx "$@"
    ;;
  *)
    echo "usage: ./build.sh check [--format json] [--go PATH] | ./build.sh explain GOENV0052 | ./build.sh test" >&2
    exit 2
    ;;
esac
