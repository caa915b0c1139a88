# Sourced by scripts/bootstrap.sh and scripts/opensearch.sh: prints the home of a Java 17 JDK.
# OpenSearch 2.19 runs on 17; the newer JDKs on these machines (Temurin 25) are for 3.x, so JAVA_HOME counts
# only when it is a 17.
java17_home() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "17'; then
    echo "$JAVA_HOME"
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 /usr/lib/jvm/java-17-openjdk; do
    if [ -x "$candidate/bin/java" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Prints the home of a Java 21+ JDK, for OpenSearch 3 (Temurin 25 on these machines): OPENSEARCH3_JAVA_HOME if
# set, else the newest 21+ JDK in /usr/lib/jvm.
java21_home() {
  if [ -n "${OPENSEARCH3_JAVA_HOME:-}" ]; then
    echo "$OPENSEARCH3_JAVA_HOME"
    return 0
  fi
  local candidate version best="" best_version=0
  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    [ -L "$candidate" ] && continue # Debian's java-1.17.0-openjdk-amd64 style aliases
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release" 2>/dev/null)"
    if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate" best_version="$version"
    fi
  done
  [ -n "$best" ] && echo "$best"
}
