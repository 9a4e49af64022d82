#!/usr/bin/env bash
# The robustness benchmark: per shared dataset one domain is held out entirely, one search runs on
# the rest, and its iid, robust and balanced picks are scored on the unseen domain. Writes
# benchmarks/results/robustness.md (robustness-<names>.md with --datasets). See
# io.autogate.benchmarks.robustness.RobustnessBenchmark.
#
# usage: benchmarks/run-robustness.sh [--budget 45] [--datasets titanic,auto-mpg,...] [--seed 42] [--no-build]
# On a shared machine: flock -x /tmp/autogate-cpu.lock benchmarks/run-robustness.sh ...
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
invoked="benchmarks/run-robustness.sh"
for arg in "$@"; do invoked+=" $(printf '%q' "$arg")"; done
build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done
# shellcheck source=jdk.sh
source "$repo/benchmarks/jdk.sh"
JAVA_HOME="$(find_jdk 21)" || { echo "run-robustness: no JDK >= 21 found; set JAVA_HOME" >&2; exit 1; }
export JAVA_HOME
cd "$repo"
if $build; then
  mvn -B -q -ntp -DskipTests install -pl benchmarks -am
fi
jar="$(ls benchmarks/target/benchmarks-*.jar | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -1)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$jar:benchmarks/target/lib/*" \
  io.autogate.benchmarks.robustness.RobustnessBenchmark --datasets-dir "$repo/../shared/datasets" \
  --results "$repo/benchmarks/results" --invoked-as "$invoked" ${args[@]+"${args[@]}"}
