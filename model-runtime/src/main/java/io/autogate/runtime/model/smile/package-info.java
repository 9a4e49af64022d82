/**
 * Smile 2.6 models at prediction time: {@link io.autogate.runtime.model.NumericModel} wrappers
 * around fitted Smile classifiers and regressors, and {@link
 * io.autogate.runtime.model.smile.SmileSerializedFormat}, which stores them with Smile's own
 * persistence format (Java serialization) and reads them back through a strict class filter.
 *
 * <p>Tree ensembles (random forest, gradient tree boosting) score {@link smile.data.Tuple}s built
 * over {@link io.autogate.runtime.model.smile.SmileFeatureSchema}; naive Bayes and the multilayer
 * perceptron score plain {@code double[]} vectors. The fitting side lives in the engine's
 * {@code io.autogate.engine.family.smile} package.
 */
package io.autogate.runtime.model.smile;
