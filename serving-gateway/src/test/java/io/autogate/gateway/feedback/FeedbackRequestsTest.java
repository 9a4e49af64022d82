package io.autogate.gateway.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.http.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Feedback> parse(String json) throws Exception {
        return FeedbackRequests.parse(JSON.readTree(json));
    }

    private static ApiException failure(String json) {
        return assertThrows(ApiException.class, () -> parse(json));
    }

    @Test
    void readsOneItemWithDefaultRow() throws Exception {
        assertEquals(List.of(new Feedback("r1", 0, "yes")), parse("{\"request_id\":\"r1\",\"actual\":\"yes\"}"));
    }

    @Test
    void readsWrappedListsAndArraysWithAnyScalarActual() throws Exception {
        List<Feedback> expected = List.of(new Feedback("r1", 2, "3.5"), new Feedback("r2", 0, "true"),
                new Feedback("r3", 1, "7"));
        String items = "[{\"request_id\":\"r1\",\"row\":2,\"actual\":3.5},{\"request_id\":\"r2\",\"actual\":true},"
                + "{\"request_id\":\"r3\",\"row\":1,\"actual\":7}]";
        assertEquals(expected, parse(items));
        assertEquals(expected, parse("{\"feedback\":" + items + "}"));
    }

    @Test
    void namesEveryBadField() {
        ApiException e = failure("[{\"request_id\":\"r1\",\"row\":-1,\"actual\":\"x\"},"
                + "{\"actual\":{\"a\":1}},{\"request_id\":5,\"row\":1.5}]");
        assertEquals(400, e.status());
        List<Object> fields = e.details().stream().map(d -> d.get("field")).toList();
        assertEquals(List.of("feedback[0].row", "feedback[1].request_id", "feedback[1].actual",
                "feedback[2].request_id", "feedback[2].row", "feedback[2].actual"), fields);
        assertTrue(e.getMessage().contains("feedback[0].row"), e.getMessage());
    }

    @Test
    void rejectsBadShapes() {
        assertTrue(failure("{\"actual\":\"yes\"}").getMessage().contains("request_id is required"));
        assertTrue(failure("{\"request_id\":\"r1\"}").getMessage().contains("actual is required"));
        assertTrue(failure("{\"request_id\":\"r1\",\"actual\":\"  \"}").getMessage().contains("must not be empty"));
        assertTrue(failure("[]").getMessage().contains("empty"));
        assertTrue(failure("{\"feedback\":{}}").getMessage().contains("'feedback' must be an array"));
        assertTrue(failure("\"text\"").getMessage().contains("JSON object or array"));
        assertTrue(failure("[1]").getMessage().contains("feedback[0]"));
        assertThrows(ApiException.class, () -> FeedbackRequests.parse(null));
    }
}
