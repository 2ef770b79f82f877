#!/usr/bin/env bash
# Regenerates src/Infrastructure/Geo/Data/{countries,provinces,cities}.json.
# Installs the pinned npm packages into a throw-away folder, so node_modules never lands in the repo.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/src/Infrastructure/Geo/Data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$here/package-lock.json" "$here/generate.mjs" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

mkdir -p "$out"
node "$work/generate.mjs" "$out"
