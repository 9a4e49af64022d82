/**
 * Models from other tools, brought in as ONNX and run with DJL's ONNX Runtime engine
 * ({@code ai.djl.onnxruntime}), behind the {@link io.autogate.runtime.model.NumericModel}
 * contract. {@link io.autogate.runtime.model.onnx.OnnxModelFormat} stores the original
 * {@code .onnx} bytes unchanged; reading them never involves Java deserialization.
 *
 * <p>Supported models take one float tensor {@code [batch, features]} and give, for
 * classification, a tensor {@code [batch, classes]} of probabilities (a sequence of maps, as
 * scikit-learn's ZipMap writes, also works because DJL turns it into such a tensor) and, for
 * regression, a tensor {@code [batch]} or {@code [batch, 1]}. Which output is used is decided by
 * {@link io.autogate.runtime.model.onnx.OnnxBinding} (a declared output name, else the one output that fits).
 *
 * <p>The ONNX Runtime engine must be initialised by DJL before anything else creates an
 * {@code ai.onnxruntime.OrtEnvironment}; every entry point here calls
 * {@code Engine.getEngine("OnnxRuntime")} first for that reason.
 */
package io.autogate.runtime.model.onnx;
