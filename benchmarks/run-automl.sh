#!/usr/bin/env bash
# The AutoML benchmark: Autogate (bin/autogate) vs H2O-3 AutoML 3.44.0.1 on the shared datasets.
# Builds what it needs, then runs io.autogate.benchmarks.AutomlBenchmark, which writes
# benchmarks/results/automl.md and automl.json. See benchmarks/README.md.
#
# usage: benchmarks/run-automl.sh [--budget 60] [--datasets a,b,...] [--skip-h2o] [--no-build]
#                                 [any other AutomlBenchmark option, e.g. --results DIR, --skip-autogate]
# env:   JAVA_HOME      JDK >= 21 for the build, the driver and bin/autogate (found under /usr/lib/jvm if unset/too old)
#        H2O_JAVA_HOME  JDK 17 for H2O (default /usr/lib/jvm/java-17-openjdk-amd64)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=script-options.sh
source "$repo/benchmarks/script-options.sh"
read_script_options 2,9 "$@"
skip_h2o=false
for arg in ${args[@]+"${args[@]}"}; do
  if [[ "$arg" == --skip-h2o ]]; then skip_h2o=true; fi
done

# shellcheck source=jdk.sh
source "$repo/benchmarks/jdk.sh"
use_jdk 21 run-automl
h2o_jdk="${H2O_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
if [[ ! -x "$h2o_jdk/bin/java" ]]; then
  h2o_jdk="$(JAVA_HOME= find_jdk 17 17)" || true
fi
if ! $skip_h2o && [[ -z "$h2o_jdk" || ! -x "$h2o_jdk/bin/java" ]]; then
  echo "run-automl: H2O needs JDK 17 and none was found (set H2O_JAVA_HOME or pass --skip-h2o)" >&2
  exit 1
fi

cd "$repo"
if $build; then
  echo "run-automl: building Autogate (mvn -q -DskipTests install) with $jdk"
  mvn -q -DskipTests install
  if ! $skip_h2o; then
    echo "run-automl: building the H2O peer (mvn -q -f benchmarks/h2o-peer/pom.xml package)"
    mvn -q -f benchmarks/h2o-peer/pom.xml package
  fi
fi

jar="$(ls benchmarks/target/benchmarks-*.jar 2>/dev/null | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -1 || true)"
[[ -n "$jar" ]] || { echo "run-automl: benchmarks/target/benchmarks-*.jar missing; run without --no-build" >&2; exit 1; }

exec "$jdk/bin/java" -cp "$jar:benchmarks/target/lib/*" io.autogate.benchmarks.AutomlBenchmark \
  --repo-root "$repo" --h2o-java-home "$h2o_jdk" --invoked-as "$invoked" ${args[@]+"${args[@]}"}
