#!/usr/bin/env bash
#! Installs what building the web app needs, skipping anything already present:
#! the wasm32 target, Trunk, the wasm-bindgen CLI pinned to Cargo.lock, and wasm-opt
#! from npm's binaryen (never Debian's, whose old wasm-opt breaks the bundle).
# Source this file: it exports PATH with the pinned tools first.
set -euo pipefail

HINDSIGHT_TOOLS="${HINDSIGHT_TOOLS:-$HOME/.cache/hindsight-tools}"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$root/Cargo.lock")"
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "tools.sh: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi

export PATH="$HINDSIGHT_TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "== installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v trunk >/dev/null || ! trunk --version | grep -q "$TRUNK_VERSION"; then
  echo "== installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# No --locked: the CLI's own lockfile wants crates this registry mirror lacks.
if ! command -v wasm-bindgen >/dev/null || ! wasm-bindgen --version | grep -q "$WASM_BINDGEN_VERSION"; then
  echo "== installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if [ ! -x "$HINDSIGHT_TOOLS/node_modules/.bin/wasm-opt" ]; then
  echo "== installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  mkdir -p "$HINDSIGHT_TOOLS"
  npm install --prefix "$HINDSIGHT_TOOLS" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

if ! wasm-bindgen --version | grep -q "$WASM_BINDGEN_VERSION"; then
  echo "tools.sh: wasm-bindgen $(wasm-bindgen --version) does not match Cargo.lock's $WASM_BINDGEN_VERSION" >&2
  exit 1
fi
if ! wasm-opt --version | grep -q "version $BINARYEN_VERSION"; then
  echo "tools.sh: wasm-opt on PATH is $(wasm-opt --version), expected binaryen $BINARYEN_VERSION" >&2
  exit 1
fi
