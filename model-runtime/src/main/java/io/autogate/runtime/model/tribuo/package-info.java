/**
 * Models trained with Oracle Tribuo (XGBoost, LibLinear, CART, extra trees, k-NN) behind the
 * {@link io.autogate.runtime.model.NumericModel} contract, and their file format
 * {@link io.autogate.runtime.model.tribuo.TribuoProtobufFormat}, which stores Tribuo's own
 * protobuf form of the model and never uses Java serialization.
 *
 * <p>Training and scoring build Tribuo examples with the same code,
 * {@link io.autogate.runtime.model.tribuo.TribuoExamples}: every feature is kept, including zeros,
 * so libraries that tell "absent" from "zero" (XGBoost) see the same vectors at both times.
 *
 * <p>XGBoost models are scored by a verified pure-Java compilation of their trees
 * ({@link io.autogate.runtime.model.xgboost.CompiledXGBoost}) when it reproduces Tribuo's
 * outputs, which avoids a native call per scoring call; the Tribuo model stays the stored form.
 * Two-class XGBoost models trained with {@code binary:logistic} carry an
 * {@link io.autogate.runtime.model.tribuo.XGBoostBinaryConverter}, stored with them.
 */
package io.autogate.runtime.model.tribuo;
