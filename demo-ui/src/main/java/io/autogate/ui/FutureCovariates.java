package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The future values a forecasting model with known-in-advance covariates needs: which columns
 * (from a forecast job's {@code result.covariates}), the sentence saying so (with the API and CLI
 * way), and the rows typed in the try step as CSV ({@code timestamp,<covariate>,...}, one line per
 * step ahead) turned into the forecast request's {@code future} array.
 */
final class FutureCovariates {
    private FutureCovariates() {
    }

    /** The names of the known-in-advance covariates of a forecast job's result (empty: none). */
    static List<String> known(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("covariates").forEach(c -> {
            if ("known".equals(c.path("role").asText())) {
                out.add(c.path("name").asText());
            }
        });
        return out;
    }

    /** What a forecast of {@code modelRef} needs, in words, and how to send it through the API or the CLI. */
    static String needed(List<String> known, String modelRef) {
        String columns = String.join(", ", known);
        return "This model reads " + columns + " as known in advance, so every forecast needs the future values of "
                + columns + " for each step ahead. Applications send them as \"future\": [{\"timestamp\": ..., \""
                + known.get(0) + "\": ...}, ...] rows with POST /v1/models/" + modelRef + "/forecast; bin/autogate predict"
                + " reads them from rows after the history in its file, with the value column left empty.";
    }

    /** The header line the try step's future-values box starts with. */
    static String header(List<String> known) {
        return "timestamp," + String.join(",", known);
    }

    /**
     * The future-values box for a gateway template ({@code GET .../forecast/future}): the header,
     * then one line per step with its timestamp and an empty cell per covariate to fill in.
     */
    static String template(List<String> known, JsonNode template) {
        StringBuilder out = new StringBuilder(header(known)).append('\n');
        template.path("future").forEach(row -> out.append(row.path("timestamp").asText()).append(",".repeat(known.size()))
                .append('\n'));
        return out.toString();
    }

    /**
     * The {@code future} rows of {@code csv}: its first line names the columns ({@code timestamp}
     * first), each further non-blank line is one step; an empty cell is a missing value.
     *
     * @throws IllegalArgumentException naming the line that does not fit the header
     */
    static ArrayNode rows(String csv) {
        List<String> lines = csv == null ? List.of() : csv.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty() || !lines.get(0).split(",", -1)[0].strip().equals("timestamp")) {
            throw new IllegalArgumentException("the future values must start with a header line beginning with 'timestamp'");
        }
        String[] header = lines.get(0).split(",", -1);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException("future values line " + (i + 1) + " has " + cells.length
                        + " values for the " + header.length + " columns " + lines.get(0));
            }
            ObjectNode row = out.addObject();
            for (int c = 0; c < header.length; c++) {
                String v = cells[c].strip();
                if (v.isEmpty()) {
                    row.putNull(header[c].strip());
                } else {
                    row.put(header[c].strip(), v);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("add one line of future values per step ahead under the header");
        }
        return out;
    }
}
