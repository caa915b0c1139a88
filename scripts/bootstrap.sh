#!/usr/bin/env bash
# Installs what each piece of the project needs, on a fresh machine from a fresh clone (as root, registries
# only), and does nothing but a few stat calls when everything is already in place.
#
#   bash scripts/bootstrap.sh [node|opensearch|es7|os3|secure|secure3|engines|moto|browser|all]...
#   (default: all)
#
# opensearch is the OpenSearch 2.19.6 launcher; es7, os3, secure and secure3 the other engines (engines = all
# five).
#
# Output stays quiet unless something is installed; a failing step prints its log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/java17.sh
. "$ROOT/scripts/lib/java17.sh"

MOTO_VERSION="5.2.5" # moto[server]; bump deliberately, tests pin its behaviour
LOG_DIR="$ROOT/target/bootstrap"

say() { echo "bootstrap: $*" >&2; }

# run_logged NAME CMD...: run quietly, print the log and fail if the command fails.
run_logged() {
  local name="$1"
  shift
  mkdir -p "$LOG_DIR"
  local log="$LOG_DIR/$name.log"
  if ! "$@" >"$log" 2>&1; then
    say "$name failed; log follows ($log)"
    tail -n 60 "$log" >&2
    return 1
  fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    run_logged apt-update env DEBIAN_FRONTEND=noninteractive apt-get update -q
    apt_updated=1
  fi
  run_logged apt-install env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# --- node: npm dependencies -------------------------------------------------------------------------------
# npm ci when node_modules is missing or package-lock.json changed since the last install. A helper's
# `npm install <pkg>` rewrites both package-lock.json and node_modules/.package-lock.json; then node_modules
# already matches and only the stamp is refreshed (a full `npm ci` would pull the tree from under running work).
bootstrap_node() {
  local stamp="node_modules/.pinpoint-bootstrap-stamp"
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  if [ -d node_modules ] && [ -f node_modules/.package-lock.json ] &&
    ! [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "$want" >"$stamp"
    return 0
  fi
  say "npm ci"
  run_logged npm-ci flock /tmp/npm.lock npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
}

# --- opensearch and the other engines: JDKs, Maven, the embedded node launchers ------------------------------
# One Maven project per engine (see scripts/opensearch.sh): os2 = opensearch/ (OpenSearch 2.19.6), es7 =
# opensearch/es7 (Elasticsearch 7.10.2), os3 = opensearch/os3 (OpenSearch 3.4.0, Java 21+), secure =
# opensearch/secure (the security plugin's jars for the os2 launcher), secure3 = opensearch/secure3 (the
# security plugin 3.4.0.0's jars for the os3 launcher). Each is built once, then a few stat calls.
bootstrap_opensearch() { bootstrap_engine os2 opensearch; }
bootstrap_es7() { bootstrap_engine es7 opensearch/es7; }
bootstrap_os3() { bootstrap_engine os3 opensearch/os3; }
bootstrap_secure() {
  bootstrap_engine os2 opensearch
  bootstrap_engine secure opensearch/secure
}
bootstrap_secure3() {
  bootstrap_engine os3 opensearch/os3
  bootstrap_engine secure3 opensearch/secure3
}

# engine_java_home ENGINE: the JDK its Maven build and node use.
engine_java_home() {
  if [ "$1" = os3 ] || [ "$1" = secure3 ]; then
    java21_home || {
      say "OpenSearch 3 needs a Java 21+ JDK (e.g. Temurin 25 in /usr/lib/jvm, or OPENSEARCH3_JAVA_HOME)"
      return 1
    }
  else
    java17_home
  fi
}

# bootstrap_engine ENGINE PROJECT_DIR
bootstrap_engine() {
  local engine="$1" project="$2"
  if ! java17_home >/dev/null || ! command -v mvn >/dev/null; then
    say "installing openjdk-17-jdk-headless and maven"
    apt_install openjdk-17-jdk-headless maven
  fi
  case "$engine" in secure | secure3) command -v openssl >/dev/null || apt_install openssl ;; esac
  if engine_up_to_date "$engine" "$project"; then
    return 0
  fi
  local target="$project/target"
  mkdir -p "$target"
  # One builder at a time: test runs, the dev host and other checkouts' scripts may all ask at once.
  exec 9>"$target/.bootstrap.lock"
  flock 9
  if ! engine_up_to_date "$engine" "$project"; then
    build_engine "$engine" "$project"
  fi
  flock -u 9
}

# The class-data-sharing archive of an engine (scripts/opensearch.sh reads the same path).
engine_cds() {
  case "$1" in
    os2) echo opensearch/target/opensearch.jsa ;;
    secure) echo opensearch/target/secure.jsa ;;
    secure3) echo opensearch/os3/target/secure3.jsa ;;
    *) echo "$2/target/$1.jsa" ;;
  esac
}

# Up to date when the build stamp is newer than the pom and every source, and the CDS archive exists.
engine_up_to_date() {
  local engine="$1" project="$2"
  local stamp="$project/target/.pinpoint-built" sources=("$project/pom.xml")
  [ -d "$project/src" ] && sources+=("$project/src")
  [ -d "$project/config" ] && sources+=("$project/config")
  [ -f "$stamp" ] && [ -f "$(engine_cds "$engine" "$project")" ] &&
    { [ "$engine" = secure ] || [ "$engine" = secure3 ] || [ -f "$project/target/launcher.jar" ]; } &&
    [ -z "$(find "${sources[@]}" -newer "$stamp" -print -quit)" ]
}

build_engine() {
  local engine="$1" project="$2" target="$2/target" jhome cds
  jhome="$(engine_java_home "$engine")"
  cds="$(engine_cds "$engine" "$project")"
  say "building the embedded $engine launcher (mvn package in $project)"
  # A changed pom must not leave stale jars on the classpath (the markers would make Maven skip the unpack).
  rm -rf "$target/lib" "$target/plugin" "$target/dependency-maven-plugin-markers" "$cds"
  # The secure engines' archives record this launcher's classpath too: remove them, so that the next
  # `bootstrap.sh secure|secure3` records them again (the JVM would silently ignore a stale one).
  case "$engine" in
    os2) rm -f opensearch/target/secure.jsa ;;
    os3) rm -f opensearch/os3/target/secure3.jsa ;;
  esac
  run_logged "mvn-package-$engine" env JAVA_HOME="$jhome" mvn -q -B -f "$project/pom.xml" package
  touch "$target/.pinpoint-built"
  # Start the node once and record its classes (class-data sharing) for faster starts; written to a temp name
  # and moved, so a node starting meanwhile never maps half a file. A failure only costs startup time.
  say "recording the $engine class-data-sharing archive (one node start)"
  local tmp="$cds.tmp.$$"
  if run_logged "cds-$engine" env OPENSEARCH_ENGINE="$engine" OPENSEARCH_NO_BOOTSTRAP=1 \
    OPENSEARCH_CDS_DUMP="$ROOT/$tmp" OPENSEARCH_HEAP=512m OPENSEARCH_PORT=0 OPENSEARCH_EXIT_AFTER_START=1 \
    OPENSEARCH_DATA= bash scripts/opensearch.sh </dev/null && [ -s "$tmp" ]; then
    mv -f "$tmp" "$cds"
  else
    rm -f "$tmp"
    say "warning: no $engine class-data-sharing archive; nodes start without it"
    : >"$cds" # an empty file: do not retry on every call (the JVM ignores it)
  fi
}

# --- moto: the AWS mock server in .venv --------------------------------------------------------------------
bootstrap_moto() {
  if [ -x .venv/bin/moto_server ] &&
    [ "$(.venv/bin/python -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null)" = "$MOTO_VERSION" ]; then
    return 0
  fi
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv"
    if ! python3 -m venv .venv >/dev/null 2>&1; then
      rm -rf .venv
      apt_install python3-venv
      python3 -m venv .venv
    fi
  fi
  say "pip install moto[server]==$MOTO_VERSION"
  run_logged pip-moto flock /tmp/pip.lock .venv/bin/pip install -q --disable-pip-version-check \
    "moto[server]==$MOTO_VERSION"
}

# --- browser: Debian's chromium for the browser tests -----------------------------------------------------
bootstrap_browser() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  say "installing chromium"
  apt_install chromium
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(all)
for t in "${targets[@]}"; do
  case "$t" in
    node) bootstrap_node ;;
    opensearch) bootstrap_opensearch ;;
    es7) bootstrap_es7 ;;
    os3) bootstrap_os3 ;;
    secure) bootstrap_secure ;;
    secure3) bootstrap_secure3 ;;
    engines)
      bootstrap_opensearch
      bootstrap_es7
      bootstrap_os3
      bootstrap_secure
      bootstrap_secure3
      ;;
    moto) bootstrap_moto ;;
    browser) bootstrap_browser ;;
    all)
      bootstrap_node
      bootstrap_opensearch
      bootstrap_es7
      bootstrap_os3
      bootstrap_secure
      bootstrap_secure3
      bootstrap_moto
      bootstrap_browser
      ;;
    *)
      say "unknown piece '$t' (expected node, opensearch, es7, os3, secure, secure3, engines, moto, browser or all)"
      exit 2
      ;;
  esac
done
