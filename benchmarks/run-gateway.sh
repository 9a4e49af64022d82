#!/usr/bin/env bash
# The gateway benchmark: wrk on loopback against the Autogate gateway and a bare Vert.x server in one
# run (bare, model-bound and gateway measured in interleaved rounds), plus the streamed batch route. Builds what it needs, then runs
# io.autogate.benchmarks.gateway.GatewayBenchmark, which writes benchmarks/results/gateway.md and
# gateway.json. Needs wrk (Debian package `wrk`).
#
# usage: benchmarks/run-gateway.sh [--seconds 20] [--warmup 20] [--rounds 3] [--connections 16] [--batch-rows 1000000] [--pin SERVER_CPUS:CLIENT_CPUS] [--results DIR] [--no-build]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=script-options.sh
source "$repo/benchmarks/script-options.sh"
read_script_options 2,8 "$@"
command -v wrk >/dev/null || { echo "run-gateway: wrk is missing; install it with: apt-get install wrk" >&2; exit 1; }

# shellcheck source=jdk.sh
source "$repo/benchmarks/jdk.sh"
use_jdk 21 run-gateway

if $build; then
  (cd "$repo" && mvn -B -q -ntp -DskipTests install -pl autogate-app,benchmarks -am)
fi
java_opts=()
(( $(jdk_major "$jdk") >= 22 )) && java_opts+=(--enable-native-access=ALL-UNNAMED)
exec "$jdk/bin/java" "${java_opts[@]}" -cp "$repo/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$repo/benchmarks/target/lib/*" \
  io.autogate.benchmarks.gateway.GatewayBenchmark --repo "$repo" --datasets "$repo/../shared/datasets" \
  --command "$invoked" "${args[@]}"
