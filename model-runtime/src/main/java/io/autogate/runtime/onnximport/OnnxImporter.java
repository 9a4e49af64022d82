package io.autogate.runtime.onnximport;

import ai.djl.engine.Engine;
import ai.djl.onnxruntime.engine.OrtEngine;
import io.autogate.runtime.artifact.FoldSpec;
import io.autogate.runtime.artifact.MemberSpec;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.artifact.Provenance;
import io.autogate.runtime.model.onnx.OnnxBinding;
import io.autogate.runtime.model.onnx.OnnxModelFormat;
import io.autogate.runtime.model.onnx.OnnxNumericModel;
import io.autogate.runtime.model.onnx.OnnxSignature;
import io.autogate.runtime.pipeline.ColumnTransform;
import io.autogate.runtime.pipeline.FeaturePipeline;
import io.autogate.runtime.pipeline.NumericTransform;
import io.autogate.runtime.pipeline.Scaling;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Schema;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an ONNX model trained elsewhere into a {@link ModelArtifact} ready for
 * {@link io.autogate.runtime.registry.ModelRegistry#register}. The model is loaded once with DJL's
 * ONNX Runtime engine to check that it is valid ONNX, that its input takes as many features as the
 * spec has columns and that an output gives one probability per declared class (or one value for
 * regression); that validation session is closed before returning.
 *
 * <p>The artifact has one member (family {@code onnx}, params naming the input and output
 * tensors) with one fold: model file {@code model.onnx} in format {@code onnx}, behind a
 * pipeline that passes each column through unchanged ({@link NumericTransform} with identity
 * {@link Scaling}). <b>Imported models get 0 for a missing or unparseable value</b>, with no
 * missing-value indicator: the importer knows nothing of the training data. The profile is empty
 * and says so; provenance records the SHA-256 of the ONNX bytes and {@code source: onnx-import}.
 * Thread-safe.
 */
public final class OnnxImporter {
    /** Family name of the imported member. */
    public static final String FAMILY = "onnx";
    /** File name of the model inside the artifact. */
    public static final String MODEL_FILE = "model.onnx";
    /** The metric recorded in the manifest: an imported model has no validation score. */
    public static final String NO_METRIC = "none";

    private final Clock clock;

    /** An importer stamping artifacts with the time of the given clock. */
    public OnnxImporter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Validates ONNX bytes against a spec and builds the artifact.
     *
     * @throws IllegalArgumentException when the bytes are not valid ONNX or the model does not
     *     match the spec, e.g. "model input has 4 features, the schema declares 3 columns"
     */
    public ModelArtifact fromOnnx(byte[] onnxBytes, OnnxImportSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (onnxBytes == null || onnxBytes.length == 0) {
            throw new IllegalArgumentException("not a valid ONNX model: the file is empty");
        }
        int width = spec.columns().size();
        checkSignature(OnnxSignature.read(onnxBytes), spec);
        OnnxBinding binding;
        try (OnnxNumericModel checked = OnnxNumericModel.open(onnxBytes, spec.task(), spec.classes().size(), width,
                spec.input(), spec.output())) {
            binding = checked.binding();
        }

        List<ColumnSpec> columns = new ArrayList<>();
        List<ColumnTransform> transforms = new ArrayList<>();
        for (String column : spec.columns()) {
            columns.add(ColumnSpec.of(column, ColumnType.NUMERIC));
            transforms.add(new NumericTransform(column, 0.0, false, Scaling.identity()));
        }
        Schema schema = new Schema(columns, spec.target(), spec.task(), spec.classes());
        FeaturePipeline pipeline = new FeaturePipeline(transforms);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("input", binding.input());
        params.put("output", binding.output());
        MemberSpec member = new MemberSpec(FAMILY, params, 0L, 1.0,
                List.of(new FoldSpec(pipeline, MODEL_FILE, OnnxModelFormat.ID)));
        ModelManifest manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT, null, 0, schema,
                new DatasetProfile(0, List.of(), List.of("imported ONNX model: no training profile")),
                NO_METRIC, Map.of(), List.of(member), List.of(), provenance(onnxBytes), Map.of());
        return new ModelArtifact(manifest, Map.of(MODEL_FILE, new OnnxNumericModel(onnxBytes, binding)));
    }

    private static void checkSignature(OnnxSignature signature, OnnxImportSpec spec) {
        List<OnnxSignature.Tensor> inputs = signature.inputs();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("the model has " + inputs.size() + " inputs "
                    + inputs.stream().map(OnnxSignature.Tensor::name).toList()
                    + "; only models with one [batch, features] input are supported");
        }
        OnnxSignature.Tensor input = inputs.get(0);
        if (spec.input() != null && !spec.input().equals(input.name())) {
            throw new IllegalArgumentException("spec field 'input' names '" + spec.input()
                    + "' but the model's input is '" + input.name() + "'");
        }
        long modelWidth = input.fixedWidth();
        if (modelWidth > 0 && modelWidth != spec.columns().size()) {
            throw new IllegalArgumentException("model input has " + modelWidth + " features, the schema declares "
                    + spec.columns().size() + " columns");
        }
        if (spec.output() != null && signature.outputs().stream().noneMatch(o -> o.name().equals(spec.output()))) {
            throw new IllegalArgumentException("spec field 'output' names '" + spec.output() + "' but the model's outputs are "
                    + signature.outputs().stream().map(OnnxSignature.Tensor::name).toList());
        }
    }

    private Provenance provenance(byte[] onnxBytes) {
        Engine engine = Engine.getEngine(OrtEngine.ENGINE_NAME);
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("djl", Engine.getDjlVersion());
        libraries.put("onnxruntime", engine.getVersion());
        String version = OnnxImporter.class.getPackage().getImplementationVersion();
        return new Provenance(sha256(onnxBytes), null, 0, 0L, Map.of("source", "onnx-import"), libraries,
                Runtime.version().toString(), null, version == null ? "dev" : version, clock.instant().toString());
    }

    /** Hex SHA-256 of bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
