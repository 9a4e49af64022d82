package io.autogate.runtime.model.onnx;

import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.ModelFormat;
import io.autogate.runtime.model.NumericModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stores an {@link OnnxNumericModel} as its original {@code .onnx} bytes and reads it back with
 * DJL's ONNX Runtime engine ({@code Model.newInstance(name, "OnnxRuntime")} then
 * {@code Model.load(InputStream, Map)}); no Java serialization is involved. Reading checks, by
 * scoring one row of zeros, that the model takes {@code [batch, featureNames.size()]} and has an
 * output that fits the task; the output is chosen as {@link OnnxBinding} describes, since the
 * {@link ModelContext} carries no tensor names. The model returned holds its ONNX Runtime
 * session for the life of the process. Stateless and thread-safe.
 */
public final class OnnxModelFormat implements ModelFormat {
    /** The format id stored in manifests. */
    public static final String ID = "onnx";

    /** For {@link java.util.ServiceLoader}. */
    public OnnxModelFormat() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void write(NumericModel model, Path file) throws IOException {
        if (!(model instanceof OnnxNumericModel onnx)) {
            throw new IllegalArgumentException("format " + ID + " writes ONNX models only, got "
                    + model.getClass().getName() + " (format " + model.formatId() + ")");
        }
        Files.write(file, onnx.bytesForWriting());
    }

    @Override
    public NumericModel read(Path file, ModelContext context) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return OnnxNumericModel.open(bytes, context.task(), context.numClasses(), context.featureNames().size(),
                    tensorName(context, "input"), tensorName(context, "output"));
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot load ONNX model " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String tensorName(ModelContext context, String key) {
        Object name = context.params().get(key);
        return name == null ? null : name.toString();
    }
}
