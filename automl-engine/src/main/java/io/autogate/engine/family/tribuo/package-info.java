/**
 * Model families trained with Oracle Tribuo: XGBoost, LibLinear logistic/ridge regression, CART,
 * extra trees and k-NN. Each family maps the parameters of its search space
 * ({@code search-spaces/<name>.yaml}) onto a Tribuo trainer, trains single-threaded (the search
 * runs trials in parallel) and returns a {@link io.autogate.runtime.model.tribuo.TribuoModel},
 * which {@link io.autogate.runtime.model.tribuo.TribuoProtobufFormat} stores. Two-class XGBoost
 * trains through this package's own {@code binary:logistic} trainer, since Tribuo's always trains
 * {@code multi:softprob}.
 */
package io.autogate.engine.family.tribuo;
