#!/usr/bin/env bash
#! Runs the benchmarks: criterion for the core (validate, JSON, Markdown export/import,
#! preview render, timeline sources) and the page benchmark in headless Chromium beside
#! EasyMDE, markdown-it and marked (e2e/bench/page.js). Not part of the test suite.
#! Usage: bash scripts/bench.sh [--cpu 4] [--page-only]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
cpu=4
page_only=no
while [ $# -gt 0 ]; do
  case "$1" in
    --cpu) cpu="$2"; shift 2 ;;
    --page-only) page_only=yes; shift ;;
    *) echo "usage: bash scripts/bench.sh [--cpu N] [--page-only]" >&2; exit 2 ;;
  esac
done
if [ "$page_only" = no ]; then
  cargo bench -p hindsight-core -- --warm-up-time 1 --measurement-time 3
fi
cargo build -q -p hindsight-cli
[ -f dist/index.html ] || bash scripts/build-site.sh
(cd e2e && npm ci --no-audit --no-fund --silent)
(cd e2e/bench && npm ci --no-audit --no-fund --silent)
node e2e/bench/page.js --cpu "$cpu" --cli "${CARGO_TARGET_DIR:-target}/debug/hindsight"
