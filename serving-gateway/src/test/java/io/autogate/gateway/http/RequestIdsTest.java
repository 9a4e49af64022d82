package io.autogate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void freshIdsAre32LowercaseHexDigitsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        Set<Character> digits = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.newId();
            assertTrue(id.matches("[0-9a-f]{32}"), id);
            seen.add(id);
            id.chars().forEach(c -> digits.add((char) c));
        }
        assertEquals(10_000, seen.size());
        assertEquals(16, digits.size(), "every hex digit occurs: " + digits);
    }
}
