#!/usr/bin/env bash
#! Builds the hostable site into dist/: Trunk's release build (relative asset URLs, no
#! inline script), then a Workbox service worker that precaches it for offline use.
#! Copy dist/ as it is to any static host, at any path. See README "Host it".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh

trunk build --release

# Workbox (npm workbox-build, pinned by site/package-lock.json), installed once.
if ! cmp -s site/package-lock.json site/node_modules/.installed-lock.json 2>/dev/null; then
  echo "== installing workbox-build (npm) into site/node_modules"
  (cd site && npm ci --no-audit --no-fund --silent)
  cp site/package-lock.json site/node_modules/.installed-lock.json
fi

# Name the worker in the page before generating it, so the precached index.html is the
# one served. boot.js registers a worker only when this meta is there (a plain
# `trunk build` has no worker, and must not ask for one).
sed -i 's|<meta name="hindsight-app"|<meta name="hindsight-service-worker" content="./sw.js">\n    &|' dist/index.html
grep -q 'name="hindsight-service-worker"' dist/index.html
node site/generate-sw.mjs dist
echo "== site ready in dist/ ($(du -sh dist | cut -f1)); copy it to any static host"
