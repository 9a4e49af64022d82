package io.autogate.runtime.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes and reads one kind of {@link NumericModel} in its library's own file format
 * (Tribuo protobuf, Smile, XGBoost, ONNX). Formats are found with {@link java.util.ServiceLoader}
 * and collected into a {@link ModelFormats} instance.
 *
 * <p>Readers are only ever given files the registry wrote itself and whose SHA-256 matched the
 * manifest; formats that rely on Java serialization must still restrict the classes they accept.
 */
public interface ModelFormat {
    /** Stable id stored in the manifest, such as {@code tribuo-protobuf}. */
    String id();

    /** Writes the model to a file. */
    void write(NumericModel model, Path file) throws IOException;

    /** Reads a model written by {@link #write}. */
    NumericModel read(Path file, ModelContext context) throws IOException;
}
