#!/usr/bin/env bash
#! Runs every Hindsight test: native core/CLI tests, the downstream-renderer XSS corpus
#! over exported Markdown, a minute of fuzzing per fuzz target, browser tests
#! (wasm-bindgen-test in headless Chromium) and end-to-end journeys against the built
#! dist/. Installs what the tests need first (build
#! tools, Debian chromium, chromium-driver and python3-venv, the pinned renderers).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "== installing chromium and chromium-driver from Debian"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# Python 3 with venv: the share-link test checks against Python's zlib, and the XSS
# corpus runs its renderers from a venv.
if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  echo "== installing python3 and python3-venv from Debian"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y python3 python3-venv
fi

# The SARIF 2.1.0 schema that `hindsight lint --format sarif` is checked against ships in
# this npm package (lib/schemas/sarif-2.1.0-rtm.5.json).
if [ ! -f "$HINDSIGHT_TOOLS/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json" ]; then
  echo "== installing the SARIF 2.1.0 schema (npm @microsoft/jest-sarif)"
  npm install --prefix "$HINDSIGHT_TOOLS" --no-audit --no-fund "@microsoft/jest-sarif@1.0.0-beta.0"
fi
export HINDSIGHT_SARIF_SCHEMA="$HINDSIGHT_TOOLS/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

echo "== native tests (core, CLI, app logic)"
cargo test --workspace --lib --bins --tests 2>&1 | tee -a "$log"
# The render benchmark's clone counter (a hand-written Clone under the `probe` feature).
cargo test -p hindsight-core --features probe --lib probe 2>&1 | tee -a "$log"

echo "== downstream renderers: XSS corpus (markdown-it, marked, Python-Markdown, comrak unsafe)"
# The renderers docs sites and wikis use, pinned by e2e/xss's lock files and installed
# into $HINDSIGHT_TOOLS once (a reused machine skips them). Debian 12's pip is externally
# managed, so the Python ones go into a venv.
xss_node="$HINDSIGHT_TOOLS/xss-node"
if ! cmp -s e2e/xss/package-lock.json "$xss_node/package-lock.json"; then
  echo "== installing markdown-it and marked (npm) into $xss_node"
  mkdir -p "$xss_node"
  cp e2e/xss/package.json e2e/xss/package-lock.json "$xss_node/"
  (cd "$xss_node" && npm ci --no-audit --no-fund --silent)
fi
xss_venv="$HINDSIGHT_TOOLS/xss-venv"
if ! cmp -s e2e/xss/requirements.txt "$xss_venv/requirements.txt"; then
  echo "== installing Python-Markdown, pymdown-extensions and comrak (PyPI) into $xss_venv"
  python3 -m venv "$xss_venv"
  "$xss_venv/bin/pip" install --quiet -r e2e/xss/requirements.txt
  cp e2e/xss/requirements.txt "$xss_venv/requirements.txt"
fi
cargo build -p hindsight-cli
xss_status=0
"$xss_venv/bin/python" e2e/xss/run.py "${CARGO_TARGET_DIR:-target}/debug/hindsight" \
  "$xss_node/node_modules" 2>&1 | tee "$log.xss" || xss_status=$?
# run.py closes with "xss: N passed, M failed" (one count per vector).
awk '/^xss: [0-9]+ passed, [0-9]+ failed$/{print "test result: ok. " $2 " passed; " $4 " failed"}' "$log.xss" >> "$log"
rm -f "$log.xss"

echo "== fuzzing: every target in fuzz/ for ${FUZZ_SECONDS:-60} s (stable toolchain, scripts/fuzz.sh)"
fuzz_status=0
bash scripts/fuzz.sh 2>&1 | tee "$log.fuzz" || fuzz_status=$?
awk '/^fuzz: [0-9]+ passed, [0-9]+ failed$/{print "test result: ok. " $2 " passed; " $4 " failed"}' "$log.fuzz" >> "$log"
rm -f "$log.fuzz"

echo "== browser tests (wasm-bindgen-test in headless Chromium)"
# browser: the app's wiring; recovery: a real panic and the recovery screen (its own
# binary: the panic hook replaces the harness's and leaves the wasm trapped).
for t in browser recovery; do
  CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
    cargo test --target wasm32-unknown-unknown -p hindsight --test "$t" 2>&1 | tee -a "$log"
done

echo "== end-to-end journeys (playwright-core + Chromium against the built site in dist/)"
# Trunk's release build plus the Workbox service worker (the offline journey needs it).
bash scripts/build-site.sh
(cd e2e && npm ci --no-audit --no-fund --silent)
# node's test runner prints "# pass N" / "# fail N"; fold them into the closing line.
e2e_status=0
(cd e2e && node --test --test-concurrency=1 journeys/) 2>&1 | tee "$log.e2e" || e2e_status=$?
awk '/^# pass /{print "test result: ok. " $3 " passed; 0 failed"} /^# fail /{print "; " $3 " failed"}' "$log.e2e" >> "$log"
rm -f "$log.e2e"

# One closing line for the whole run, summed over every runner above.
passed=$(grep -oE '^test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
failed=$(grep -oE '; [0-9]+ failed' "$log" | awk '{s+=$2} END {print s+0}')
echo
echo "total: ${passed} passed, ${failed} failed"
[ "${e2e_status:-0}" -eq 0 ] && [ "${xss_status:-0}" -eq 0 ] && [ "${fuzz_status:-0}" -eq 0 ] \
  && [ "$failed" -eq 0 ]
