#!/usr/bin/env bash
# Installs what each piece of the project needs, on a fresh machine from a fresh clone (as root, registries
# only), and does nothing but a few stat calls when everything is already in place.
#
#   bash scripts/bootstrap.sh [node|opensearch|moto|browser|all]...   (default: all)
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

# --- opensearch: Java 17, Maven, the embedded node launcher -----------------------------------------------
bootstrap_opensearch() {
  if ! java17_home >/dev/null || ! command -v mvn >/dev/null; then
    say "installing openjdk-17-jdk-headless and maven"
    apt_install openjdk-17-jdk-headless maven
  fi
  local target="opensearch/target"
  if opensearch_up_to_date; then
    return 0
  fi
  mkdir -p "$target"
  # One builder at a time: test runs, the dev host and other checkouts' scripts may all ask at once.
  exec 9>"$target/.bootstrap.lock"
  flock 9
  if ! opensearch_up_to_date; then
    build_opensearch
  fi
  flock -u 9
}

# Up to date when the build stamp is newer than the pom and every source, and the CDS archive exists.
opensearch_up_to_date() {
  local stamp="opensearch/target/.pinpoint-built"
  [ -f "$stamp" ] && [ -f opensearch/target/launcher.jar ] && [ -f opensearch/target/opensearch.jsa ] &&
    [ -z "$(find opensearch/pom.xml opensearch/src -newer "$stamp" -print -quit)" ]
}

build_opensearch() {
  local target="opensearch/target" jhome
  jhome="$(java17_home)"
  say "building the embedded OpenSearch launcher (mvn package)"
  rm -rf "$target/lib" "$target/opensearch.jsa" # a changed pom must not leave stale jars on the classpath
  run_logged mvn-package env JAVA_HOME="$jhome" mvn -q -B -f opensearch/pom.xml package
  touch "$target/.pinpoint-built"
  # Start the node once and record its classes (class-data sharing) for faster starts; written to a temp name
  # and moved, so a node starting meanwhile never maps half a file. A failure only costs startup time.
  say "recording the class-data-sharing archive (one node start)"
  local tmp="$target/opensearch.jsa.tmp.$$"
  if run_logged opensearch-cds env OPENSEARCH_NO_BOOTSTRAP=1 OPENSEARCH_CDS_DUMP="$ROOT/$tmp" \
    OPENSEARCH_PORT=0 OPENSEARCH_EXIT_AFTER_START=1 OPENSEARCH_DATA= bash scripts/opensearch.sh </dev/null &&
    [ -s "$tmp" ]; then
    mv -f "$tmp" "$target/opensearch.jsa"
  else
    rm -f "$tmp"
    say "warning: no class-data-sharing archive; nodes start without it"
    : >"$target/opensearch.jsa" # an empty file: do not retry on every call (the JVM ignores it)
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
    moto) bootstrap_moto ;;
    browser) bootstrap_browser ;;
    all)
      bootstrap_node
      bootstrap_opensearch
      bootstrap_moto
      bootstrap_browser
      ;;
    *)
      say "unknown piece '$t' (expected node, opensearch, moto, browser or all)"
      exit 2
      ;;
  esac
done
