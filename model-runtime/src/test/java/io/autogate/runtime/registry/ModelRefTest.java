package io.autogate.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelRefTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "adult-gbm", "Model_2.v1", "9lives", "x123456789012345678901234567890123456789012345678901234567890abc"})
    void acceptsPlainNames(String name) {
        assertEquals(name, ModelRef.parse(name).name());
        assertEquals(name + "@3", ModelRef.parse(name + "@3").toString());
        assertEquals(name + ":prod", ModelRef.parse(name + ":prod").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"@3", ".hidden", "-x", "_x", "a/b", "..", "a b", "é", "naïve", "a\u0000",
            "x1234567890123456789012345678901234567890123456789012345678901abcd"})
    void rejectsNamesThatCouldEscapeOrConfuse(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRef.parse(name));
        assertTrue(e.getMessage().contains("is not valid"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"m:.x", "m:a/b", "m:"})
    void rejectsBadAliases(String text) {
        assertThrows(IllegalArgumentException.class, () -> ModelRef.parse(text));
    }
}
