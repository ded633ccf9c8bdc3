#!/usr/bin/env bash
#! Runs every fuzz target in fuzz/fuzz_targets/ for a short time on the stable
#! toolchain (libFuzzer's coverage instrumentation through rustc flags; the recipe in
#! fuzz/README.md), each seeded from the test fixtures. A crash fails the run and leaves
#! the input under $FUZZ_DIR/artifacts. Closes with "fuzz: N passed, M failed" (one
#! count per target).
#!
#! FUZZ_SECONDS   time per target (default 60: every CI run)
#! FUZZ_RUNS      instead of a time, this many executions per target (a release:
#!                FUZZ_RUNS=10000000)
#! FUZZ_DIR       build and corpus directory (default $CARGO_TARGET_DIR/fuzz or
#!                target/fuzz); corpora grow there across runs
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${FUZZ_SECONDS:-60}"
dir="${FUZZ_DIR:-${CARGO_TARGET_DIR:-$PWD/../target}/fuzz}"
host="x86_64-unknown-linux-gnu"
fixtures=../crates/core/tests/fixtures

# --target keeps the instrumentation off build scripts and proc macros.
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
  cargo build --release --bins --target "$host" --target-dir "$dir"

# Seeds: the fixtures each target reads.
seed() {
  local target="$1" into="$dir/corpus/$1"
  mkdir -p "$into"
  case "$target" in
    parse_markdown)    cp "$fixtures"/*.md "$into"/ ;;
    from_json|share_fragment) ;;
    source_slack)      cp "$fixtures"/sources/slack-* "$into"/ ;;
    source_pagerduty)  cp "$fixtures"/sources/pagerduty-* "$into"/ ;;
    source_opsgenie)   cp "$fixtures"/sources/opsgenie-* "$into"/ ;;
    source_statuspage) cp "$fixtures"/sources/statuspage-* "$into"/ ;;
    source_grafana)    cp "$fixtures"/sources/grafana-* "$into"/ ;;
    source_csv)        cp "$fixtures"/sources/timeline.* "$into"/ ;;
    source_text)       cp "$fixtures"/sources/lines.txt "$into"/ ;;
    sources_merge|*)   cp "$fixtures"/sources/* "$into"/ 2>/dev/null || true ;;
  esac
}

if [ -n "${FUZZ_RUNS:-}" ]; then budget="-runs=$FUZZ_RUNS"; else budget="-max_total_time=$seconds"; fi
passed=0
failed=0
mkdir -p "$dir/artifacts"
for src in fuzz_targets/*.rs; do
  target="$(basename "$src" .rs)"
  seed "$target"
  echo "== fuzz $target ($budget)"
  log="$dir/$target.log"
  if "$dir/$host/release/$target" "$dir/corpus/$target" "$budget" -max_len=65536 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$dir/artifacts/$target-" >"$log" 2>&1; then
    passed=$((passed + 1))
    # libFuzzer's last status line and its total: inputs run, coverage, speed.
    grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true
    grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec' "$log" || true
  else
    failed=$((failed + 1))
    tail -40 "$log"
    echo "fuzz $target FAILED: input kept under $dir/artifacts/$target-*"
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
