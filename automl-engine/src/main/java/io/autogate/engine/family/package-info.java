/**
 * The model families the search tries: {@link io.autogate.engine.family.ModelFamily} (the trainer
 * side of a fitted {@link io.autogate.runtime.model.NumericModel}), found by
 * {@link io.autogate.engine.family.ModelFamilies} through {@link java.util.ServiceLoader}, and the
 * {@link io.autogate.engine.family.TrainingSet} they fit on. {@link
 * io.autogate.engine.family.ParameterizedFamily} holds a family's name, scaling need and parameter
 * names, and {@link io.autogate.engine.family.FitParameters} reads the parameters of one fit; the
 * Tribuo and Smile adapters live in the subpackages.
 */
package io.autogate.engine.family;
