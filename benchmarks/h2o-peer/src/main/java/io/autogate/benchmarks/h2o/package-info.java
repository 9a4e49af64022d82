/**
 * The H2O-3 AutoML peer of the Autogate AutoML benchmark: a standalone program, run in its own
 * JDK 17 process, that trains H2O AutoML on a train CSV, predicts a test CSV with the leader and
 * writes the predictions in the same {@code pred.csv} layout as {@code autogate predict}.
 */
package io.autogate.benchmarks.h2o;
