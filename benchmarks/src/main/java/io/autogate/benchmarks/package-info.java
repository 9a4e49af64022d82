/**
 * The end-to-end AutoML benchmark: Autogate's command line and H2O-3 AutoML trained on the same
 * fixed 75/25 splits of the shared datasets, scored by one metric implementation, reported side by
 * side in {@code benchmarks/results/automl.md} and {@code automl.json}. Entry point:
 * {@link io.autogate.benchmarks.AutomlBenchmark}; script: {@code benchmarks/run-automl.sh}.
 */
package io.autogate.benchmarks;
