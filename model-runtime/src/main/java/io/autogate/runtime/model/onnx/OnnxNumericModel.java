package io.autogate.runtime.model.onnx;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.onnxruntime.engine.OrtEngine;
import ai.djl.translate.TranslateException;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ONNX model run by DJL's ONNX Runtime engine. It keeps the original {@code .onnx} bytes
 * (written back unchanged by {@link OnnxModelFormat}) and one DJL {@link Model} holding the ONNX
 * Runtime session, opened by {@link #open} or on the first {@link #score} and kept until
 * {@link #close}. Models loaded by the registry are never closed and keep their session for the
 * life of the process.
 *
 * <p>Scores are the bound output's values as doubles; for classification each row is divided by
 * its sum so it sums to 1 (a row with a negative or non-finite value is refused: it is not a
 * probability output).
 *
 * <p>Thread-safety: DJL {@link Predictor}s are not thread-safe, so every {@link #score} call
 * creates its own predictor (cheap: it wraps the shared session, which ONNX Runtime allows to
 * run concurrently) and closes it before returning. Concurrent {@code score} calls are safe;
 * {@link #close} must not race with them.
 */
public final class OnnxNumericModel implements NumericModel, AutoCloseable {
    private final byte[] onnxBytes;
    private final OnnxBinding binding;
    private final Object lock = new Object();
    private Model session;
    private boolean closed;

    /**
     * A model over ONNX bytes with a known binding; the session is opened on the first
     * {@link #score}. The bytes are copied.
     */
    public OnnxNumericModel(byte[] onnxBytes, OnnxBinding binding) {
        this.onnxBytes = Objects.requireNonNull(onnxBytes, "onnxBytes").clone();
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    /**
     * Loads ONNX bytes with DJL, checks the model has one input that takes a
     * {@code [batch, width]} float tensor by running one row of zeros through it, and chooses the
     * output to score with (see {@link OnnxBinding}).
     *
     * @param declaredInput the input's name, or {@code null} to accept the model's only input
     * @param declaredOutput the output's name, or {@code null} to choose the one that fits (see
     *     {@link OnnxBinding}); the registry passes the name recorded at import
     * @throws IllegalArgumentException with a one-line reason when the bytes are not a usable model
     */
    public static OnnxNumericModel open(byte[] onnxBytes, TaskType task, int numClasses, int width,
            String declaredInput, String declaredOutput) {
        Model model = loadDjlModel(onnxBytes);
        try {
            List<String> inputs = model.describeInput().keys();
            if (inputs.size() != 1) {
                throw new IllegalArgumentException("the model has " + inputs.size() + " inputs " + inputs
                        + "; only models with one [batch, features] input are supported");
            }
            String input = inputs.get(0);
            if (declaredInput != null && !declaredInput.equals(input)) {
                throw new IllegalArgumentException("the model has no input '" + declaredInput + "'; its input is '" + input + "'");
            }
            List<OnnxOutputTensor> outputs;
            try (Predictor<Integer, List<OnnxOutputTensor>> probe = model.newPredictor(new ProbeTranslator(input))) {
                outputs = probe.predict(width);
            } catch (TranslateException | RuntimeException e) {
                throw new IllegalArgumentException("ONNX Runtime cannot score a [1, " + width + "] float input: "
                        + firstLine(e), e);
            }
            String output = OnnxBinding.resolveOutput(outputs, declaredOutput, task, numClasses);
            OnnxNumericModel opened = new OnnxNumericModel(onnxBytes, new OnnxBinding(input, output, width, task, numClasses));
            opened.session = model;
            return opened;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** How the model's tensors are used. */
    public OnnxBinding binding() {
        return binding;
    }

    /** A copy of the original ONNX bytes. */
    public byte[] onnxBytes() {
        return onnxBytes.clone();
    }

    /** The bytes without copying, for the format in this package. */
    byte[] bytesForWriting() {
        return onnxBytes;
    }

    @Override
    public double[][] score(double[][] features) {
        if (features.length == 0) {
            return new double[0][];
        }
        double[][] rows;
        try (Predictor<double[][], double[][]> predictor = session().newPredictor(new ScoreTranslator(binding))) {
            rows = predictor.predict(features);
        } catch (TranslateException e) {
            throw new IllegalStateException("ONNX model failed to score " + features.length + " rows: " + firstLine(e), e);
        }
        if (rows.length != features.length) {
            throw new IllegalStateException("ONNX output '" + binding.output() + "' gave " + rows.length
                    + " rows for " + features.length + " inputs");
        }
        if (binding.task().isClassification()) {
            for (double[] row : rows) {
                normalise(row);
            }
        }
        return rows;
    }

    @Override
    public String formatId() {
        return OnnxModelFormat.ID;
    }

    /** Releases the ONNX Runtime session; later {@link #score} calls fail. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    private Model session() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this ONNX model was closed");
            }
            if (session == null) {
                session = loadDjlModel(onnxBytes);
            }
            return session;
        }
    }

    private void normalise(double[] row) {
        double sum = 0;
        for (double v : row) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalStateException("ONNX output '" + binding.output() + "' gave " + v
                        + ", not a probability; declare the model's probability output");
            }
            sum += v;
        }
        for (int c = 0; c < row.length; c++) {
            row[c] = sum > 0 ? row[c] / sum : 1.0 / row.length;
        }
    }

    private static Model loadDjlModel(byte[] onnxBytes) {
        if (onnxBytes.length == 0) {
            throw new IllegalArgumentException("not a valid ONNX model: the file is empty");
        }
        Engine.getEngine(OrtEngine.ENGINE_NAME); // before anything else touches OrtEnvironment
        Model model = Model.newInstance("onnx", OrtEngine.ENGINE_NAME);
        try {
            model.load(new ByteArrayInputStream(onnxBytes), Map.of());
            return model;
        } catch (Exception e) {
            model.close();
            throw new IllegalArgumentException("not a valid ONNX model (ONNX Runtime: " + firstLine(e) + ")", e);
        }
    }

    /** The first line of the deepest message in a chain, for one-line error reports. */
    static String firstLine(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        return message.strip().lines().map(String::strip).filter(s -> !s.isEmpty())
                .limit(2).reduce((a, b) -> a + " " + b).orElse(message);
    }
}
