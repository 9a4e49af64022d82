package io.autogate.runtime.model.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one row of zeros through a model and describes every output it gives (name, type,
 * shape), so the output to score with can be chosen from what the model really returns.
 */
final class ProbeTranslator implements Translator<Integer, List<OnnxOutputTensor>> {
    private final String inputName;

    ProbeTranslator(String inputName) {
        this.inputName = inputName;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Integer width) {
        NDArray zeros = ctx.getNDManager().create(new float[width], new Shape(1, width));
        zeros.setName(inputName);
        return new NDList(zeros);
    }

    @Override
    public List<OnnxOutputTensor> processOutput(TranslatorContext ctx, NDList outputs) {
        List<OnnxOutputTensor> described = new ArrayList<>();
        for (NDArray out : outputs) {
            described.add(new OnnxOutputTensor(out.getName(), out.getDataType(), out.getShape().getShape()));
        }
        return described;
    }

    @Override
    public Batchifier getBatchifier() {
        return null; // the input already is a batch; DJL's default stacking is not supported by ORT arrays
    }
}
