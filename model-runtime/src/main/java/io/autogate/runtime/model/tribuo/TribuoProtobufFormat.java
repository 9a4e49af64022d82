package io.autogate.runtime.model.tribuo;

import com.google.protobuf.InvalidProtocolBufferException;
import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.ModelFormat;
import io.autogate.runtime.model.NumericModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * Writes a {@link TribuoModel} as the bytes of Tribuo's {@link ModelProto}
 * ({@code Model.serialize()}) and reads it back with {@code Model.deserialize}; no Java
 * serialization is involved. Works for every model the Tribuo families produce: XGBoost
 * (booster bytes inside the proto), LibLinear, CART, bagged ensembles and k-NN. A regressor's
 * {@link TargetScaling} travels in the model's provenance. Stateless and thread-safe.
 */
public final class TribuoProtobufFormat implements ModelFormat {
    /** The format id stored in manifests. */
    public static final String ID = "tribuo-protobuf";

    /** For {@link java.util.ServiceLoader}. */
    public TribuoProtobufFormat() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void write(NumericModel model, Path file) throws IOException {
        if (!(model instanceof TribuoModel tribuo)) {
            throw new IllegalArgumentException("format " + ID + " writes Tribuo models only, got "
                    + model.getClass().getName() + " (format " + model.formatId() + ")");
        }
        ModelProto proto = tribuo.tribuoModel().serialize();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            proto.writeTo(out);
        }
    }

    @Override
    public NumericModel read(Path file, ModelContext context) throws IOException {
        ModelProto proto;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            proto = ModelProto.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("not a Tribuo protobuf model: " + file + " (" + e.getMessage() + ")", e);
        }
        if (!proto.getClassName().startsWith("org.tribuo.")) {
            throw new IOException("not a Tribuo protobuf model: " + file + " names class '" + proto.getClassName() + "'");
        }
        Model<?> model;
        try {
            model = Model.deserialize(proto);
        } catch (RuntimeException e) {
            throw new IOException("cannot rebuild the Tribuo model in " + file + ": " + e.getMessage(), e);
        }
        try {
            return wrap(model, context);
        } catch (IllegalArgumentException e) {
            throw new IOException("the Tribuo model in " + file + " does not match its manifest: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked") // guarded by Model.validate
    private static NumericModel wrap(Model<?> model, ModelContext context) {
        if (context.task().isClassification()) {
            if (!model.validate(Label.class)) {
                throw new IllegalArgumentException("task " + context.task().id() + " needs a classifier, found "
                        + model.getClass().getSimpleName() + " over " + outputType(model));
            }
            return new TribuoClassifier((Model<Label>) model, context.numClasses(), context.featureNames());
        }
        if (!model.validate(Regressor.class)) {
            throw new IllegalArgumentException("task regression needs a regressor, found "
                    + model.getClass().getSimpleName() + " over " + outputType(model));
        }
        return new TribuoRegressor((Model<Regressor>) model, context.featureNames());
    }

    private static String outputType(Model<?> model) {
        return model.getOutputIDInfo().getDomain().stream().findFirst()
                .map(o -> o.getClass().getSimpleName()).orElse("nothing");
    }
}
