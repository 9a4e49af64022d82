package io.autogate.runtime.model.onnx;

import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How an ONNX model's tensors map to the {@link io.autogate.runtime.model.NumericModel} contract:
 * the name of its single input (fed a float32 {@code [batch, width]} tensor), the name of the
 * output that holds the scores, the feature width, the task and the number of classes (0 for
 * regression).
 */
public record OnnxBinding(String input, String output, int width, TaskType task, int numClasses) {
    public OnnxBinding {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(task, "task");
        if (width < 1) {
            throw new IllegalArgumentException("an ONNX model needs at least one input feature, got width " + width);
        }
        if (task.isClassification() ? numClasses < 2 : numClasses != 0) {
            throw new IllegalArgumentException("task " + task.id() + " cannot have " + numClasses + " classes");
        }
    }

    /** Values the chosen output gives per row: the number of classes, or 1 for regression. */
    public int valuesPerRow() {
        return task.isClassification() ? numClasses : 1;
    }

    /**
     * Chooses the output to score with from a trial run's outputs (one row in). With a declared
     * name, that output must exist and fit. Otherwise the candidates are the numeric outputs that
     * fit (classification: {@code [1, classes]}; regression: {@code [1]} or {@code [1, 1]}), so a
     * label tensor next to a probability tensor is passed over; among several, one whose name
     * contains "prob" wins, else the first in the model's output order.
     *
     * @throws IllegalArgumentException naming the outputs when none fits
     */
    static String resolveOutput(List<OnnxOutputTensor> outputs, String declared, TaskType task, int numClasses) {
        int wanted = task.isClassification() ? numClasses : 1;
        String what = task.isClassification() ? numClasses + " class probabilities per row" : "one value per row";
        if (declared != null) {
            OnnxOutputTensor out = outputs.stream().filter(o -> o.name().equals(declared)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the model has no output '" + declared
                            + "'; its outputs are " + names(outputs)));
            if (!out.numeric()) {
                throw new IllegalArgumentException("model output '" + declared + "' holds " + out.type()
                        + " values, not numbers; " + what + " are needed");
            }
            if (out.valuesPerRow() != wanted) {
                throw new IllegalArgumentException(widthMessage(out, task, numClasses));
            }
            return declared;
        }
        List<OnnxOutputTensor> fitting = new ArrayList<>();
        for (OnnxOutputTensor o : outputs) {
            if (o.numeric() && o.valuesPerRow() == wanted && (task.isClassification() ? o.shape().length == 2 : true)) {
                fitting.add(o);
            }
        }
        if (fitting.isEmpty()) {
            List<OnnxOutputTensor> numeric = outputs.stream().filter(OnnxOutputTensor::numeric).toList();
            if (numeric.size() == 1 && numeric.get(0).valuesPerRow() > 0) {
                throw new IllegalArgumentException(widthMessage(numeric.get(0), task, numClasses));
            }
            throw new IllegalArgumentException("no model output gives " + what + "; outputs are " + outputs);
        }
        return fitting.stream().filter(o -> o.name().toLowerCase(Locale.ROOT).contains("prob")).findFirst()
                .orElse(fitting.get(0)).name();
    }

    private static String widthMessage(OnnxOutputTensor out, TaskType task, int numClasses) {
        return task.isClassification()
                ? "model output '" + out.name() + "' has " + out.valuesPerRow() + " values per row, the schema declares "
                        + numClasses + " classes"
                : "model output '" + out.name() + "' has " + out.valuesPerRow()
                        + " values per row, regression needs exactly one";
    }

    private static List<String> names(List<OnnxOutputTensor> outputs) {
        return outputs.stream().map(OnnxOutputTensor::name).toList();
    }
}
