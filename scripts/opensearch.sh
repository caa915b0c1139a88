#!/usr/bin/env bash
# `npm run opensearch`: one real OpenSearch 2.19.6 node in the foreground on 127.0.0.1:${OPENSEARCH_PORT:-9200}
# (0 picks a free port, announced on an `OPENSEARCH_READY <url>` line). Data lives in a temp dir removed on exit,
# or in OPENSEARCH_DATA (kept). Extra arguments are OpenSearch settings as -Ekey=value. Ctrl-C / SIGTERM shut the
# node down cleanly. scripts/lib/opensearch_node.ts starts nodes through this script too, so the JVM command line
# lives only here.
#
# Environment: OPENSEARCH_HEAP (default 1g), OPENSEARCH_JAVA_OPTS (extra JVM flags),
# OPENSEARCH_NO_BOOTSTRAP=1 (skip the build check), OPENSEARCH_CDS_DUMP=<file> (record a class-data-sharing
# archive at exit; scripts/bootstrap.sh does this once after a build).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/opensearch/target"
# shellcheck source=lib/java17.sh
. "$ROOT/scripts/lib/java17.sh"

[ "${OPENSEARCH_NO_BOOTSTRAP:-}" = 1 ] || bash "$ROOT/scripts/bootstrap.sh" opensearch
JAVA_HOME="$(java17_home)"
export OPENSEARCH_PORT="${OPENSEARCH_PORT:-9200}"
if [ -n "${OPENSEARCH_DATA:-}" ]; then
  mkdir -p "$OPENSEARCH_DATA"
  OPENSEARCH_DATA="$(cd "$OPENSEARCH_DATA" && pwd)"
  export OPENSEARCH_DATA
fi

heap="${OPENSEARCH_HEAP:-1g}"
jvm=(-Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError)
# Class-data sharing: the classes of a previous start, memory-mapped, roughly halve startup. The JVM checks the
# archive against this JDK and classpath and silently runs without it when they differ.
cds="$TARGET/opensearch.jsa"
if [ -n "${OPENSEARCH_CDS_DUMP:-}" ]; then
  jvm+=(-XX:ArchiveClassesAtExit="$OPENSEARCH_CDS_DUMP" -Xlog:cds=off -Xlog:cds+dynamic=off)
elif [ -s "$cds" ]; then
  jvm+=(-XX:SharedArchiveFile="$cds" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
# shellcheck disable=SC2206 # OPENSEARCH_JAVA_OPTS is a list of flags
jvm+=(${OPENSEARCH_JAVA_OPTS:-})

# exec: the JVM gets this pid and the signals; its shutdown hook closes the node.
exec "$JAVA_HOME/bin/java" "${jvm[@]}" -cp "$TARGET/launcher.jar:$TARGET/lib/*" \
  org.pinpoint.opensearch.Launcher "$@"
