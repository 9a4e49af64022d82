/**
 * The training contract the gateway's {@code /v1/datasets} and {@code /v1/training-jobs} routes
 * call. The gateway never imports the AutoML engine: the composition root ({@code autogate up})
 * plugs an engine-backed {@link io.autogate.gateway.training.TrainingService} in; a gateway started
 * without one answers those routes with 501.
 */
package io.autogate.gateway.training;
