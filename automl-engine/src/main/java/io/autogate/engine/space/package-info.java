/**
 * Declarative search spaces and the samplers that propose parameters from them.
 *
 * <p>Each model family's space lives in {@code search-spaces/<family>.yaml} (module
 * {@code search-spaces}) and is read by {@link io.autogate.engine.space.SearchSpaceLoader} into a
 * {@link io.autogate.engine.space.SearchSpace}: an ordered list of typed
 * {@link io.autogate.engine.space.Dimension}s, possibly conditional on earlier ones or restricted
 * to some tasks, plus a portfolio of known-good configurations. A
 * {@link io.autogate.engine.space.ParameterSampler} ({@link io.autogate.engine.space.RandomSampler},
 * {@link io.autogate.engine.space.TpeSampler}) proposes the next configuration from the history of
 * {@link io.autogate.engine.space.Observation}s; every random choice comes from the
 * {@link java.util.SplittableRandom} passed in.
 */
package io.autogate.engine.space;
