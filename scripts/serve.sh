#!/usr/bin/env bash
#! Serves the release build of the Hindsight web app at http://127.0.0.1:8080,
#! installing the build tools first if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
