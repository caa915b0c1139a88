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
