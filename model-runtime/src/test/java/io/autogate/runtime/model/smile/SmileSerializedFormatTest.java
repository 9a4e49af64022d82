package io.autogate.runtime.model.smile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmileSerializedFormatTest {

    private static final List<String> FEATURE_NAMES = List.of("a", "b", "c");

    @TempDir
    Path folder;

    private final SmileSerializedFormat format = new SmileSerializedFormat();

    static Stream<SmileNumericModel> models() {
        return Stream.of(SmileTestModels.forest(), SmileTestModels.boosting(), SmileTestModels.naiveBayes(),
                SmileTestModels.mlp());
    }

    private static ModelContext contextOf(SmileNumericModel model) {
        return model.numClasses() == 0
                ? new ModelContext(TaskType.REGRESSION, 0, FEATURE_NAMES)
                : new ModelContext(model.numClasses() == 2 ? TaskType.BINARY : TaskType.MULTICLASS, model.numClasses(),
                        FEATURE_NAMES);
    }

    @ParameterizedTest
    @MethodSource("models")
    void writeThenReadGivesIdenticalScores(SmileNumericModel model) throws IOException {
        Path file = folder.resolve("model.bin");
        format.write(model, file);
        NumericModel read = format.read(file, contextOf(model));
        assertEquals(model.getClass(), read.getClass());
        assertEquals("smile-serialized", read.formatId());
        double[][] x = SmileTestModels.features(50, 99);
        double[][] expected = model.score(x);
        double[][] actual = read.score(x);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0);
        }
    }

    @Test
    void idIsSmileSerialized() {
        assertEquals("smile-serialized", format.id());
        assertEquals(format.id(), SmileTestModels.naiveBayes().formatId());
    }

    @Test
    void aSerializedUrlIsRejected() throws Exception {
        Path file = fileHolding(URI.create("http://example.invalid/").toURL());
        IOException e = assertThrows(IOException.class, () -> format.read(file, null));
        assertInstanceOf(InvalidClassException.class, e);
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }

    @Test
    void aBadAttributeValueExpExceptionIsRejected() throws Exception {
        Path file = fileHolding(new BadAttributeValueExpException("payload"));
        assertThrows(InvalidClassException.class, () -> format.read(file, null));
    }

    @Test
    void aForbiddenClassInsideAnAllowedCollectionIsRejectedBeforeItIsBuilt() throws Exception {
        Map<String, Object> map = new HashMap<>();
        map.put("inner", new Tripwire());
        Path file = fileHolding(map);
        // Tripwire.readObject throws AssertionError, so reaching it would fail this assertion.
        assertThrows(InvalidClassException.class, () -> format.read(file, null));
    }

    @Test
    void oversizedArraysAndDeepGraphsAreRejected() throws Exception {
        SmileSerializedFormat strict = new SmileSerializedFormat(new DeserializationLimits(20, 1_000, 10_000, 1L << 20));
        Path array = fileHolding(new double[1_001]);
        assertThrows(InvalidClassException.class, () -> strict.read(array, null));
        List<Object> deep = new ArrayList<>();
        List<Object> current = deep;
        for (int i = 0; i < 40; i++) {
            List<Object> next = new ArrayList<>();
            current.add(next);
            current = next;
        }
        Path nested = fileHolding(deep);
        assertThrows(InvalidClassException.class, () -> strict.read(nested, null));
        // The same limits admit a real model.
        Path model = folder.resolve("forest.bin");
        strict.write(SmileTestModels.naiveBayes(), model);
        assertEquals(2, ((SmileNumericModel) strict.read(model, null)).numClasses());
    }

    @Test
    void anAllowedObjectThatIsNotAModelIsRejected() throws Exception {
        Path file = fileHolding(SmileFeatureSchema.features(3));
        IOException e = assertThrows(IOException.class, () -> format.read(file, null));
        assertTrue(e.getMessage().contains("not a Smile model"), e.getMessage());
    }

    @Test
    void aFileWithoutTheHeaderIsRejected() throws Exception {
        Path file = folder.resolve("other.bin");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeUTF("something-else");
            out.writeInt(1);
        }
        assertThrows(IOException.class, () -> format.read(file, null));
        Path version = folder.resolve("version.bin");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(version))) {
            out.writeUTF(SmileSerializedFormat.MAGIC);
            out.writeInt(99);
        }
        IOException e = assertThrows(IOException.class, () -> format.read(version, null));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
        Path text = folder.resolve("text.bin");
        Files.writeString(text, "not serialized at all");
        assertThrows(IOException.class, () -> format.read(text, null));
    }

    @Test
    void aModelThatDoesNotMatchTheContextIsRejected() throws Exception {
        Path file = folder.resolve("forest.bin");
        format.write(SmileTestModels.forest(), file);
        assertThrows(IOException.class, () -> format.read(file, new ModelContext(TaskType.MULTICLASS, 4, FEATURE_NAMES)));
        assertThrows(IOException.class, () -> format.read(file, new ModelContext(TaskType.REGRESSION, 0, FEATURE_NAMES)));
        assertThrows(IOException.class, () -> format.read(file, new ModelContext(TaskType.MULTICLASS, 3, List.of("a"))));
        assertEquals(3, ((SmileNumericModel) format.read(file, new ModelContext(TaskType.MULTICLASS, 3, FEATURE_NAMES)))
                .numClasses());
    }

    @Test
    void onlySmileModelsAreWritten() {
        NumericModel other = new NumericModel() {
            @Override
            public double[][] score(double[][] features) {
                return features;
            }

            @Override
            public String formatId() {
                return "other";
            }
        };
        assertThrows(IllegalArgumentException.class, () -> format.write(other, folder.resolve("x.bin")));
        assertFalse(Files.exists(folder.resolve("x.bin")));
    }

    @Test
    void theAllowListCoversSmileWrappersPrimitivesAndBasicsOnly() {
        assertTrue(SmileClassFilter.isAllowed(double[][].class));
        assertTrue(SmileClassFilter.isAllowed(smile.classification.RandomForest.class));
        assertTrue(SmileClassFilter.isAllowed(SmileVectorRegressionModel.class));
        assertTrue(SmileClassFilter.isAllowed(Integer[].class));
        assertTrue(SmileClassFilter.isAllowed(HashMap.class));
        assertFalse(SmileClassFilter.isAllowed(java.net.URL.class));
        assertFalse(SmileClassFilter.isAllowed(java.net.URL[].class));
        assertFalse(SmileClassFilter.isAllowed(Tripwire.class));
        assertFalse(SmileClassFilter.isAllowed(java.util.PriorityQueue.class));
        assertFalse(SmileClassFilter.isAllowed(javax.management.BadAttributeValueExpException.class));
    }

    /** A file with a valid header followed by {@code payload}. */
    private Path fileHolding(Object payload) throws IOException {
        Path file = Files.createTempFile(folder, "payload", ".bin");
        try (OutputStream raw = Files.newOutputStream(file); ObjectOutputStream out = new ObjectOutputStream(raw)) {
            out.writeUTF(SmileSerializedFormat.MAGIC);
            out.writeInt(SmileSerializedFormat.VERSION);
            out.writeObject(payload);
        }
        return file;
    }

    /** A class that must never be deserialized by the format. */
    static final class Tripwire implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private void readObject(ObjectInputStream in) {
            throw new AssertionError("the filter let a forbidden class through");
        }
    }
}
