/**
 * Model families backed by Smile 2.6: random forest, gradient tree boosting, Gaussian naive Bayes
 * and a small multilayer perceptron. Each maps its search-space parameters (from
 * {@code search-spaces/<name>.yaml}) onto Smile's fit methods and returns one of the
 * {@link io.autogate.runtime.model.smile.SmileNumericModel} wrappers.
 *
 * <p>Determinism: Smile draws random numbers from a thread-local generator in
 * {@link smile.math.MathEx}. Every fit seeds the fitting thread's generator from the trial seed
 * before touching Smile, and random forests hand Smile one explicit seed per tree, so the same
 * data, parameters and seed give the same model whichever thread runs the fit or the trees.
 */
package io.autogate.engine.family.smile;
