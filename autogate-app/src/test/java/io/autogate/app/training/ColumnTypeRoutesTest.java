package io.autogate.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Column types set in {@code POST /v1/training-jobs}: applied to the trained model's schema, or a 400 naming the column. */
class ColumnTypeRoutesTest extends TrainingRoutesFixture {
    private JsonNode startJob(String dataset, String target, String columnTypes) throws Exception {
        return gateway.json("POST", "/v1/training-jobs", "application/json", "{\"dataset\":\"" + dataset + "\",\"target\":\""
                + target + "\",\"budget_seconds\":5,\"name\":\"typed\",\"column_types\":" + columnTypes + "}");
    }

    @Test
    void aNumberColumnSetToCategoricalIsACategoryInTheModel() throws Exception {
        JsonNode job = startJob(upload("iris.csv", Files.readString(IRIS)), "species", "{\"petal_width\":\"categorical\"}");
        assertEquals("categorical", job.at("/column_types/petal_width").asText(), job.toString());
        JsonNode done = gateway.awaitStatus(job.get("id").asText(), FINISHED);
        assertEquals("succeeded", done.get("status").asText(), done.toString());
        JsonNode model = gateway.json("GET", "/v1/models/typed", null, null);
        for (JsonNode c : model.at("/schema/columns")) {
            String expected = c.get("name").asText().equals("petal_width") ? "categorical" : "numeric";
            assertEquals(expected, c.get("type").asText().toLowerCase(Locale.ROOT), model.toString());
        }
        assertEquals("categorical", model.at("/provenance/settings/column_types/petal_width").asText(model.toString()),
                "the manifest records the override: " + model);
    }

    @Test
    void aTypeTheValuesCannotHaveIsA400NamingTheColumn() throws Exception {
        StringBuilder csv = new StringBuilder("size,colour,kind\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(i % 2 == 0 ? "red" : "blue").append(',').append(i % 3 == 0 ? "a" : "b").append('\n');
        }
        String dataset = upload("colours.csv", csv.toString());
        JsonNode notNumbers = startJob(dataset, "kind", "{\"colour\":\"numeric\"}");
        assertEquals(400, notNumbers.at("/error/status").asInt(), notNumbers.toString());
        assertEquals("column_types.colour", notNumbers.at("/error/details/0/field").asText(), notNumbers.toString());
        assertEquals("cannot be numeric: it has the value 'red' (line 2), which is not a number",
                notNumbers.at("/error/details/0/problem").asText(), notNumbers.toString());
        JsonNode notDates = startJob(dataset, "kind", "{\"size\":\"datetime\",\"kind\":\"numeric\",\"colour\":\"shape\"}");
        assertEquals(3, notDates.at("/error/details").size(), notDates.toString());
        for (JsonNode d : notDates.at("/error/details")) {
            String field = d.get("field").asText();
            String problem = d.get("problem").asText();
            switch (field) {
                case "column_types.size" -> assertTrue(problem.contains("do not read as dates"), problem);
                case "column_types.kind" -> assertTrue(problem.contains("this is the target"), problem);
                case "column_types.colour" -> assertTrue(problem.contains("'shape' is not a type"), problem);
                default -> throw new AssertionError("unexpected field " + field + ": " + notDates);
            }
        }
    }
}
