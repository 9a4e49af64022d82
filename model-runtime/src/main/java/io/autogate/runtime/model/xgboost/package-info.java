/**
 * A pure-Java evaluator for XGBoost tree ensembles inside Tribuo models, used instead of the
 * native booster when scoring single rows: {@link io.autogate.runtime.model.xgboost.CompiledXGBoost}
 * reads the trees once into flat arrays, calibrates the margin offset against the booster, and
 * {@link io.autogate.runtime.model.xgboost.CompiledVerification} only hands it out after it has
 * matched Tribuo's own predictions on seeded probe rows ("compile once, verify, then serve").
 * Nothing here is written to disk: the Tribuo model stays the stored form.
 */
package io.autogate.runtime.model.xgboost;
