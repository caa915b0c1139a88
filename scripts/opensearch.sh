#!/usr/bin/env bash
# `npm run opensearch [-- --engine os2|es7|os3|secure|secure3] [-Ekey=value...]`: one real search engine node in the
# foreground on 127.0.0.1:${OPENSEARCH_PORT:-9200} (0 picks a free port, announced on an
# `OPENSEARCH_READY <url>` line). Data lives in a temp dir removed on exit, or in OPENSEARCH_DATA (kept).
# Ctrl-C / SIGTERM shut the node down cleanly. scripts/lib/opensearch_node.ts starts nodes through this script
# too, so the JVM command lines live only here.
#
# Engines (OPENSEARCH_ENGINE or --engine; default os2), each an embedded launcher from Maven Central jars:
#   os2     OpenSearch 2.19.6 (opensearch/)                                       Java 17
#   es7     Elasticsearch 7.10.2, the seed's engine (opensearch/es7/)             Java 17
#   os3     OpenSearch 3.4.0 (opensearch/os3/)                                    Java 21+ (Temurin 25)
#   secure  OpenSearch 2.19.6 + security plugin 2.19.4.0 (opensearch/secure/):   Java 17
#           transport TLS with certificates made at start, HTTP plain with basic auth, multi-tenancy;
#           users and passwords in scripts/lib/engines.ts (admin / Pinpoint-admin-1, reader, noaccess).
#   secure3 OpenSearch 3.4.0 + security plugin 3.4.0.0 (opensearch/os3/ with      Java 21+ (Temurin 25)
#           opensearch/secure3/'s jars): the same config, users and tenants as secure, and the plugin's
#           `perform_permission_check=true` request parameter (3.2+).
#
# Environment: OPENSEARCH_HEAP (default 1g), OPENSEARCH_JAVA_OPTS (extra JVM flags),
# OPENSEARCH_NO_BOOTSTRAP=1 (skip the build check), OPENSEARCH_CDS_DUMP=<file> (record a class-data-sharing
# archive at exit; scripts/bootstrap.sh does this once after a build).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/java17.sh
. "$ROOT/scripts/lib/java17.sh"

engine="${OPENSEARCH_ENGINE:-os2}"
if [ "${1:-}" = "--engine" ]; then
  engine="${2:?--engine needs os2, es7, os3, secure or secure3}"
  shift 2
elif [[ "${1:-}" == --engine=* ]]; then
  engine="${1#--engine=}"
  shift
fi

jvm_flags=()
extra_cp=""
case "$engine" in
  os2)
    TARGET="$ROOT/opensearch/target" MAIN=org.pinpoint.opensearch.Launcher piece=opensearch
    JAVA_HOME="$(java17_home)"
    ;;
  secure)
    TARGET="$ROOT/opensearch/target" MAIN=org.pinpoint.opensearch.Launcher piece=secure
    JAVA_HOME="$(java17_home)"
    # After the launcher's own jars: the plugin's copies of shared libraries must not shadow 2.19.6's.
    extra_cp=":$ROOT/opensearch/secure/target/plugin/*"
    export OPENSEARCH_EXTRA_PLUGINS=org.opensearch.security.OpenSearchSecurityPlugin
    ;;
  es7)
    TARGET="$ROOT/opensearch/es7/target" MAIN=org.pinpoint.elasticsearch.Launcher piece=es7
    JAVA_HOME="$(java17_home)"
    # Without these GET / says build_flavor "unknown"; a real 7.10 distribution says default/tar.
    jvm_flags+=(-Des.distribution.flavor=default -Des.distribution.type=tar)
    ;;
  os3 | secure3)
    TARGET="$ROOT/opensearch/os3/target" MAIN=org.pinpoint.opensearch3.Launcher piece="$engine"
    JAVA_HOME="$(java21_home)" || {
      echo "opensearch.sh: OpenSearch 3 needs a Java 21+ JDK (e.g. Temurin 25 in /usr/lib/jvm)" >&2
      exit 2
    }
    # Lucene 10 uses the vector API and native access; these only silence the JDK's warnings about them.
    jvm_flags+=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
    if [ "$engine" = secure3 ]; then
      # As for secure: after the launcher's jars, so the plugin's copies never shadow 3.4.0's.
      extra_cp=":$ROOT/opensearch/secure3/target/plugin/*"
      export OPENSEARCH_EXTRA_PLUGINS=org.opensearch.security.OpenSearchSecurityPlugin
    fi
    ;;
  *)
    echo "opensearch.sh: unknown engine '$engine' (expected os2, es7, os3, secure or secure3)" >&2
    exit 2
    ;;
esac

[ "${OPENSEARCH_NO_BOOTSTRAP:-}" = 1 ] || bash "$ROOT/scripts/bootstrap.sh" "$piece"
export OPENSEARCH_PORT="${OPENSEARCH_PORT:-9200}"
if [ -n "${OPENSEARCH_DATA:-}" ]; then
  mkdir -p "$OPENSEARCH_DATA"
  OPENSEARCH_DATA="$(cd "$OPENSEARCH_DATA" && pwd)"
  export OPENSEARCH_DATA
fi
if [ "$engine" = secure ] || [ "$engine" = secure3 ]; then
  # shellcheck source=lib/secure_home.sh
  . "$ROOT/scripts/lib/secure_home.sh"
  # The launcher adopts this home and removes it on exit, like the temp home it makes otherwise.
  OPENSEARCH_HOME="$(mktemp -d "${TMPDIR:-/tmp}/opensearch-$engine-home-XXXXXX")"
  export OPENSEARCH_HOME
  make_secure_home "$OPENSEARCH_HOME"
fi

heap="${OPENSEARCH_HEAP:-1g}"
jvm=(-Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError "${jvm_flags[@]}")
# Class-data sharing: the classes of a previous start, memory-mapped, roughly halve startup. The JVM checks the
# archive against this JDK and classpath and silently runs without it when they differ. One archive per engine.
cds="$TARGET/$engine.jsa"
[ "$engine" = os2 ] && cds="$TARGET/opensearch.jsa"
if [ -n "${OPENSEARCH_CDS_DUMP:-}" ]; then
  jvm+=(-XX:ArchiveClassesAtExit="$OPENSEARCH_CDS_DUMP" -Xlog:cds=off -Xlog:cds+dynamic=off)
elif [ -s "$cds" ]; then
  jvm+=(-XX:SharedArchiveFile="$cds" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
# shellcheck disable=SC2206 # OPENSEARCH_JAVA_OPTS is a list of flags
jvm+=(${OPENSEARCH_JAVA_OPTS:-})

# exec: the JVM gets this pid and the signals; its shutdown hook closes the node.
exec "$JAVA_HOME/bin/java" "${jvm[@]}" -cp "$TARGET/launcher.jar:$TARGET/lib/*$extra_cp" "$MAIN" "$@"
