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
# shellcheck source=script-options.sh
source "$repo/benchmarks/script-options.sh"
read_script_options 2,8 "$@"
# shellcheck source=jdk.sh
source "$repo/benchmarks/jdk.sh"
use_jdk 21 run-robustness
cd "$repo"
if $build; then
  mvn -B -q -ntp -DskipTests install -pl benchmarks -am
fi
jar="$(ls benchmarks/target/benchmarks-*.jar | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -1)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$jar:benchmarks/target/lib/*" \
  io.autogate.benchmarks.robustness.RobustnessBenchmark --datasets-dir "$repo/../shared/datasets" \
  --results "$repo/benchmarks/results" --invoked-as "$invoked" ${args[@]+"${args[@]}"}
