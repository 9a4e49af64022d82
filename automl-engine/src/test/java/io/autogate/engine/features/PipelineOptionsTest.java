package io.autogate.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PipelineOptionsTest {
    @Test
    void factoriesDifferOnlyInScaling() {
        assertFalse(PipelineOptions.forTrees().scale());
        assertTrue(PipelineOptions.forScaled().scale());
        assertEquals(12, PipelineOptions.forTrees().maxOneHot());
        assertEquals(12, PipelineOptions.forScaled().maxOneHot());
    }

    @Test
    void rejectsNonPositiveMaxOneHot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PipelineOptions(true, 0));
        assertTrue(e.getMessage().contains("maxOneHot"), e.getMessage());
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PipelineOptions o = new PipelineOptions(true, 30);
        assertEquals(o, json.readValue(json.writeValueAsString(o), PipelineOptions.class));
    }
}
