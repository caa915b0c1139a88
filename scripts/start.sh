#!/usr/bin/env bash
# `npm start`: install what is missing, build the plugin zip, then run it the way OpenSearch Dashboards does
# (dev/start.ts: an OpenSearch node on OPENSEARCH_PORT or 9200, demo data, the dev host on DEV_HOST_PORT or
# 5601) until Ctrl-C.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh all
npm run --silent build
# exec: Ctrl-C and SIGTERM reach the orchestrator, which stops what it started.
exec node_modules/.bin/tsx dev/start.ts "$@"
