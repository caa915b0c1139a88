#!/usr/bin/env bash
# `npm test [-- tier...]`: install what is missing, then run the orchestrator (scripts/run_tests.ts).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh all
exec node_modules/.bin/tsx scripts/run_tests.ts "$@"
