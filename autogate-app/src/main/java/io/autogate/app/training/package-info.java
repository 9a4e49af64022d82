/**
 * The engine plugged into the gateway's training routes: uploaded datasets are profiled with the
 * engine's CSV reader and type inference, jobs run {@link io.autogate.engine.train.TrainingRun} on
 * a background thread and register into the gateway's registry.
 */
package io.autogate.app.training;
