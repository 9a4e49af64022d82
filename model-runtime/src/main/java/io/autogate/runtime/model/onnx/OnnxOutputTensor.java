package io.autogate.runtime.model.onnx;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/** One output of a trial run of an ONNX model: its name, element type and shape. */
record OnnxOutputTensor(String name, DataType type, long[] shape) {
    OnnxOutputTensor {
        shape = shape.clone();
    }

    /** Whether the elements are numbers a score can be read from. */
    boolean numeric() {
        return switch (type) {
            case FLOAT16, FLOAT32, FLOAT64, INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64 -> true;
            default -> false;
        };
    }

    /** Values per row: the last dimension for a matrix, 1 for a vector, -1 otherwise. */
    long valuesPerRow() {
        return shape.length == 2 ? shape[1] : shape.length == 1 ? 1 : -1;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return "'" + name + "' " + type + Arrays.toString(shape);
    }
}
