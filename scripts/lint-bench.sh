#!/usr/bin/env bash
#! Times `hindsight lint` over a docs repo of 1,000 post-mortems (the import fixtures,
#! copied round-robin) beside markdownlint-cli2 on the same files, and prints both as a
#! README row. Not part of the test suite.
#! Usage: bash scripts/lint-bench.sh [--files 1000] [--runs 5]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
files=1000
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: bash scripts/lint-bench.sh [--files N] [--runs N]" >&2; exit 2 ;;
  esac
done

# The release profile is the one `cargo install` builds.
cargo build -q --release -p hindsight-cli
hindsight="${CARGO_TARGET_DIR:-target}/release/hindsight"
(cd e2e/lintbench && npm ci --no-audit --no-fund --silent)
mdl="$PWD/e2e/lintbench/node_modules/.bin/markdownlint-cli2"

docs="$(mktemp -d)"
trap 'rm -rf "$docs"' EXIT
mapfile -t fixtures < <(ls crates/core/tests/fixtures/*.md)
for ((i = 0; i < files; i++)); do
  f="${fixtures[i % ${#fixtures[@]}]}"
  cp "$f" "$docs/$(printf '%04d' "$i")-$(basename "$f")"
done
bytes=$(cat "$docs"/*.md | wc -c)

# Median wall time of `runs` runs, in milliseconds; the tools' exit codes (1 when they
# find something) are not failures here.
median_ms() {
  local times=()
  for ((r = 0; r < runs; r++)); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

# One warm-up each so both read the files from the page cache.
"$hindsight" lint "$docs"/*.md >/dev/null 2>&1 || true
(cd "$docs" && "$mdl" "*.md" >/dev/null 2>&1) || true

h=$(median_ms "$hindsight" lint "$docs"/*.md)
m=$(median_ms bash -c "cd '$docs' && '$mdl' '*.md'")
version=$(node -p "require('./e2e/lintbench/node_modules/markdownlint-cli2/package.json').version")
echo "files: $files ($((bytes / 1024)) KiB), cores: $(nproc), runs: $runs (median)"
echo "| tool | $files post-mortems |"
echo "|---|---|"
echo "| hindsight lint | ${h} ms |"
echo "| markdownlint-cli2 $version | ${m} ms |"
