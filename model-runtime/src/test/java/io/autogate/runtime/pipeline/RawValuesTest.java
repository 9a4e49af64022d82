package io.autogate.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "39", "-7", "007", "77516", "999999999999999", "-999999999999999"})
    void readsPlainIntegersAsDoubleParseDoubleDoes(String text) {
        assertEquals(Double.parseDouble(text), RawValues.plainInteger(text));
        assertEquals(Double.parseDouble(text), RawValues.number(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+5", "1.5", "1e3", " 39", "39 ", "3 9", "0x10", "١٢", "NaN", "Infinity",
            "1000000000000000", "12345678901234567890123"})
    void leavesEverythingElseToTheGeneralParser(String text) {
        assertTrue(Double.isNaN(RawValues.plainInteger(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+5", "1.5", "1e3", " 39", "39 ", "1000000000000000", "12345678901234567890123"})
    void numbersOutsideTheFastPathStillRead(String text) {
        assertEquals(Double.parseDouble(text.strip()), RawValues.number(text));
    }

    @Test
    void agreesWithDoubleParseDoubleOnRandomIntegers() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong(-999_999_999_999_999L, 1_000_000_000_000_000L) / (1L << random.nextInt(50));
            String text = Long.toString(v);
            assertEquals(Double.parseDouble(text), RawValues.plainInteger(text), text);
        }
    }
}
