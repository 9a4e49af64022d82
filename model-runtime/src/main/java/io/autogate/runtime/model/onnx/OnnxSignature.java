package io.autogate.runtime.model.onnx;

import ai.djl.engine.Engine;
import ai.djl.onnxruntime.engine.OrtEngine;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inputs and outputs an ONNX model declares, as ONNX Runtime reads them from the file:
 * names with their declared shapes ({@code -1} for a dimension left open, such as the batch).
 * Used to explain a mismatch between a model and an import schema before anything is scored.
 */
public record OnnxSignature(List<Tensor> inputs, List<Tensor> outputs) {
    public OnnxSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * One declared input or output: its name, its kind ({@code tensor}, {@code sequence} or
     * {@code map}) and, for a tensor, its shape (empty for other kinds).
     */
    public record Tensor(String name, String kind, List<Long> shape) {
        public Tensor {
            shape = List.copyOf(shape);
        }

        /**
         * The fixed width of a {@code [batch, width]} tensor, or -1 when the shape is not of that
         * form or the width is left open.
         */
        public long fixedWidth() {
            return "tensor".equals(kind) && shape.size() == 2 ? shape.get(1) : -1;
        }
    }

    /**
     * Reads the signature of a model held in memory. The session opened for it is closed before
     * returning.
     *
     * @throws IllegalArgumentException when the bytes are not a model ONNX Runtime can load
     */
    public static OnnxSignature read(byte[] onnxBytes) {
        // DJL must create the ORT environment first (with its own thread pool settings); after
        // that, getEnvironment() hands back the same environment.
        Engine.getEngine(OrtEngine.ENGINE_NAME);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(onnxBytes, options)) {
            return new OnnxSignature(describe(session.getInputInfo()), describe(session.getOutputInfo()));
        } catch (OrtException e) {
            throw new IllegalArgumentException("not a valid ONNX model (ONNX Runtime: " + OnnxNumericModel.firstLine(e)
                    + ")", e);
        }
    }

    private static List<Tensor> describe(Map<String, NodeInfo> nodes) {
        List<Tensor> out = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            if (node.getInfo() instanceof TensorInfo t) {
                List<Long> shape = new ArrayList<>();
                for (long d : t.getShape()) {
                    shape.add(d);
                }
                out.add(new Tensor(node.getName(), "tensor", shape));
            } else {
                String kind = node.getInfo().getClass().getSimpleName().replace("Info", "").toLowerCase(java.util.Locale.ROOT);
                out.add(new Tensor(node.getName(), kind, List.of()));
            }
        }
        return out;
    }
}
