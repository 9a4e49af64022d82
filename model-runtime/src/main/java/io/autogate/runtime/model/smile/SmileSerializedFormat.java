package io.autogate.runtime.model.smile;

import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.ModelFormat;
import io.autogate.runtime.model.NumericModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stores {@link SmileNumericModel}s in Smile's own persistence format, Java serialization: the
 * file holds a short header (the text {@value #MAGIC} and a format version) followed by the
 * serialized wrapper record, which carries the Smile model(s) and what is needed to score them.
 *
 * <p>Reading goes through an {@link java.io.ObjectInputFilter} that admits only Smile classes,
 * this package's wrapper records, a few {@code java.lang}/{@code java.util}/{@code java.math}/
 * {@code java.time} value and collection classes and arrays of these or of primitives, within
 * {@link DeserializationLimits}. A file naming any other class is rejected with an
 * {@link java.io.InvalidClassException} before that class is instantiated. Wrapper records are
 * rebuilt through their validating canonical constructors.
 *
 * <p>Stateless and thread-safe.
 */
public final class SmileSerializedFormat implements ModelFormat {
    /** First item of every file. */
    public static final String MAGIC = "autogate-smile-model";
    /** Version of the file layout written by this class. */
    public static final int VERSION = 1;

    private final DeserializationLimits limits;

    /** The format with {@link DeserializationLimits#defaults()}; used by {@link java.util.ServiceLoader}. */
    public SmileSerializedFormat() {
        this(DeserializationLimits.defaults());
    }

    /** The format with explicit deserialization limits. */
    public SmileSerializedFormat(DeserializationLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        this.limits = limits;
    }

    @Override
    public String id() {
        return SmileNumericModel.FORMAT_ID;
    }

    @Override
    public void write(NumericModel model, Path file) throws IOException {
        if (!(model instanceof SmileNumericModel smileModel)) {
            throw new IllegalArgumentException("the " + id() + " format writes Smile models only, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        try (OutputStream raw = Files.newOutputStream(file);
             ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(raw))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeObject(smileModel);
        }
    }

    @Override
    public NumericModel read(Path file, ModelContext context) throws IOException {
        SmileNumericModel model;
        try (InputStream raw = Files.newInputStream(file);
             ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(raw))) {
            in.setObjectInputFilter(new SmileClassFilter(limits));
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not a Smile model file (header '" + magic + "')");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has Smile model file version " + version + ", this reader knows " + VERSION);
            }
            Object read = in.readObject();
            if (!(read instanceof SmileNumericModel m)) {
                throw new IOException(file + " holds a " + (read == null ? "null" : read.getClass().getName())
                        + ", not a Smile model");
            }
            model = m;
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new IOException("cannot read Smile model " + file + ": " + e.getMessage(), e);
        }
        checkMatches(model, context, file);
        return model;
    }

    private static void checkMatches(SmileNumericModel model, ModelContext context, Path file) throws IOException {
        if (context == null) {
            return;
        }
        boolean classifier = model.numClasses() > 0;
        if (classifier != context.task().isClassification()) {
            throw new IOException(file + " holds a " + (classifier ? "classifier" : "regressor")
                    + " but the task is " + context.task().id());
        }
        if (classifier && model.numClasses() != context.numClasses()) {
            throw new IOException(file + " holds a model of " + model.numClasses() + " classes, expected "
                    + context.numClasses());
        }
        if (model.numFeatures() != context.featureNames().size()) {
            throw new IOException(file + " holds a model of " + model.numFeatures() + " features, expected "
                    + context.featureNames().size());
        }
    }
}
