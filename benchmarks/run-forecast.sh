#!/usr/bin/env bash
# The forecasting benchmark: holds out the last horizon of every series of the shared time-series
# datasets and scores the Autogate forecasting ensemble, seasonal naive and each family alone.
# Appends to benchmarks/results/forecast.md (run it under the exclusive CPU lock, in chunks).
#
# usage: benchmarks/run-forecast.sh [--no-build] [--validate | --origins K | --windows ORIGINS] DATASET[,DATASET...]   (airline, shampoo,
#        melbourne, sunspots, tourism, chicago, electricity, ett-h1); budget 60 s per dataset, tourism 120 s
# --validate compares the ensemble rules on the horizon before the holdout (the holdout is never read)
#        and appends to benchmarks/results/forecast-validation.md instead.
# --origins K scores seasonal naive, the backtest-selected single family and several ensemble rules (the default
#        among them) at K forecast origins per dataset (origin 1 = the holdout, 2..K earlier windows)
#        and appends to benchmarks/results/forecast-origins.md instead. K may also be a list of origins
#        and ranges, e.g. 2-16,55-62.
# --windows ORIGINS compares greedy selection (the default rule) on 3 backtest windows with the default window
#        count (7 for sub-daily data forecast up to a day ahead) at those origins; appends to forecast-origins.md.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=true
mode=""
out="forecast.md"
if [ "${1:-}" = "--no-build" ]; then build=false; shift; fi
if [ "${1:-}" = "--validate" ]; then mode="validate"; out="forecast-validation.md"; shift
elif [ "${1:-}" = "--origins" ] || [ "${1:-}" = "--windows" ]; then
  [[ "${2:-}" =~ ^([2-9]|[1-9][0-9])$ || "${2:-}" =~ ^[1-9][0-9]*(-[1-9][0-9]*)?(,[1-9][0-9]*(-[1-9][0-9]*)?)*$ && "${2:-}" =~ [-,] ]] || {
    echo "run-forecast: $1 needs a count from 2 to 99 or a list of origins such as 2-16,55-62, got '${2:-}'" >&2; exit 2; }
  mode="${1#--} $2"; out="forecast-origins.md"; shift 2
fi
datasets="${1:?name the datasets, e.g. airline,shampoo}"
# shellcheck source=jdk.sh
source "$repo/benchmarks/jdk.sh"
jdk="$(find_jdk 21)" || { echo "run-forecast: no JDK >= 21 found; set JAVA_HOME" >&2; exit 1; }
export JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH"
if $build; then (cd "$repo" && mvn -B -q -ntp -DskipTests install -pl benchmarks -am); fi
mkdir -p "$repo/benchmarks/results"
exec "$jdk/bin/java" -Xmx3g -cp "$repo/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$repo/benchmarks/target/lib/*" \
  io.autogate.benchmarks.ForecastBenchmark "$repo/../shared/datasets/timeseries" "$repo/benchmarks/results/$out" 0 "$datasets" $mode
