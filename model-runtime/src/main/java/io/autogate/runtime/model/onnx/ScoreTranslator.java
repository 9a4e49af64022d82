package io.autogate.runtime.model.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds a batch of feature vectors to a model as one float32 {@code [batch, width]} tensor and
 * reads the bound output back as one row of doubles per input row. The arrays live in the
 * predictor's per-call manager, so the values are copied out before DJL closes it.
 */
final class ScoreTranslator implements Translator<double[][], double[][]> {
    private final OnnxBinding binding;

    ScoreTranslator(OnnxBinding binding) {
        this.binding = binding;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, double[][] rows) {
        int width = binding.width();
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("feature row " + i + " has " + rows[i].length
                        + " values, the ONNX model takes " + width);
            }
            for (int j = 0; j < width; j++) {
                flat[i * width + j] = (float) rows[i][j];
            }
        }
        NDArray input = ctx.getNDManager().create(flat, new Shape(rows.length, width));
        input.setName(binding.input());
        return new NDList(input);
    }

    @Override
    public double[][] processOutput(TranslatorContext ctx, NDList outputs) {
        NDArray out = outputs.stream().filter(a -> binding.output().equals(a.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the ONNX model gave no output '" + binding.output() + "'"));
        double[] values = toDoubles(out);
        int per = binding.valuesPerRow();
        if (values.length % per != 0) {
            throw new IllegalStateException("ONNX output '" + binding.output() + "' has shape " + out.getShape()
                    + ", expected " + per + " values per row");
        }
        double[][] rows = new double[values.length / per][per];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, i * per, rows[i], 0, per);
        }
        return rows;
    }

    private static double[] toDoubles(NDArray array) {
        return switch (array.getDataType()) {
            case FLOAT64 -> array.toDoubleArray();
            case FLOAT32 -> widen(array.toFloatArray());
            case INT64 -> java.util.Arrays.stream(array.toLongArray()).asDoubleStream().toArray();
            case INT32 -> java.util.Arrays.stream(array.toIntArray()).asDoubleStream().toArray();
            default -> {
                Number[] numbers = array.toArray();
                double[] d = new double[numbers.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = numbers[i].doubleValue();
                }
                yield d;
            }
        };
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Override
    public Batchifier getBatchifier() {
        return null; // the input already is a batch; DJL's default stacking is not supported by ORT arrays
    }
}
