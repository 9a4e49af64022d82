package io.autogate.gateway.api;

import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON view of a model's schema that callers read to build requests. */
final class SchemaView {
    private SchemaView() {
    }

    /** {@code {"target","task","classes","columns":[{"name","type","feature"}]}}. */
    static Map<String, Object> of(Schema schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", schema.target());
        out.put("task", schema.task().id());
        out.put("classes", schema.classes());
        List<Map<String, Object>> columns = schema.columns().stream().map(SchemaView::column).toList();
        out.put("columns", columns);
        return out;
    }

    private static Map<String, Object> column(ColumnSpec c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.name());
        out.put("type", c.type().name().toLowerCase(Locale.ROOT));
        out.put("feature", c.type().isFeature());
        return out;
    }
}
