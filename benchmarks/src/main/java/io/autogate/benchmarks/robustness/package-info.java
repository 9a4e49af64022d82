/**
 * The robustness benchmark: one domain of each shared dataset is held out entirely, a search
 * runs on the rest, and the iid, robust and balanced picks of that one search are scored on the
 * unseen domain. Run with {@code benchmarks/run-robustness.sh}.
 */
package io.autogate.benchmarks.robustness;
