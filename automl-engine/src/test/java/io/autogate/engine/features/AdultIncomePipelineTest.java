package io.autogate.engine.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.SharedDatasets;
import io.autogate.runtime.pipeline.ColumnTransform;
import io.autogate.runtime.pipeline.TargetEncodingTransform;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fits both pipeline flavours on the whole adult-income data set (32k rows, 14 features). */
class AdultIncomePipelineTest {
    private static final Set<String> NUMERIC = Set.of("age", "fnlwgt", "education_num", "capital_gain",
            "capital_loss", "hours_per_week");
    private static Schema schema;
    private static List<Row> rows;
    private static double[] y;

    @BeforeAll
    static void read() throws IOException {
        List<String> lines = Files.readAllLines(SharedDatasets.path("classification/adult-income.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<ColumnSpec> columns = new ArrayList<>();
        for (String h : header) {
            if (!h.equals("income")) {
                columns.add(ColumnSpec.of(h, NUMERIC.contains(h) ? ColumnType.NUMERIC : ColumnType.CATEGORICAL));
            }
        }
        schema = new Schema(columns, "income", TaskType.BINARY, List.of("<=50K", ">50K"));
        Map<String, Integer> index = Row.index(header);
        int target = header.indexOf("income");
        rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] values = line.split(",", -1);
            rows.add(Row.of(index, values));
            targets.add((double) schema.classes().indexOf(values[target].strip()));
        }
        y = targets.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void datasetIsReadCompletely() {
        assertEquals(32_561, rows.size());
        assertTrue(Arrays.stream(y).allMatch(v -> v == 0 || v == 1));
    }

    @Test
    void treePipelineMatchesTheApplySideOutsideTargetEncoding() {
        FittedPipeline f = PipelineFitter.fit(schema, rows, y, PipelineOptions.forTrees(), 2024);
        List<String> names = f.pipeline().featureNames();
        // 6 numeric; workclass, education, marital_status, occupation, relationship, race, sex low-card
        // ordinals except those above 12 values (education 16, occupation 14 with '?': frequency + target),
        // native_country (41+): frequency + target
        assertEquals(List.of("age", "workclass", "fnlwgt", "education_freq", "education_target", "education_num",
                "marital_status", "occupation_freq", "occupation_target", "relationship", "race", "sex",
                "capital_gain", "capital_loss", "hours_per_week", "native_country_freq", "native_country_target"),
                names);
        assertEquals(names.size(), f.pipeline().width());
        assertSameOutsideTargetEncoding(f, 0, 1, 100, 31_000, 32_560);
    }

    @Test
    void scaledPipelineMatchesTheApplySideOutsideTargetEncoding() {
        FittedPipeline f = PipelineFitter.fit(schema, rows, y, PipelineOptions.forScaled(), 2024);
        List<String> names = f.pipeline().featureNames();
        assertTrue(names.containsAll(List.of("age", "workclass=Private", "workclass=__missing__", "sex=Male",
                "education_target", "native_country_target")), names.toString());
        assertEquals(f.pipeline().width(), f.trainFeatures()[0].length);
        assertSameOutsideTargetEncoding(f, 0, 7, 15_000, 32_560);
        double[] age = Arrays.stream(f.trainFeatures()).mapToDouble(r -> r[names.indexOf("age")]).toArray();
        assertEquals(0, Arrays.stream(age).average().orElseThrow(), 1e-9);
    }

    private static void assertSameOutsideTargetEncoding(FittedPipeline f, int... sampleRows) {
        for (int i : sampleRows) {
            double[] applied = f.pipeline().transform(rows.get(i));
            int offset = 0;
            for (ColumnTransform t : f.pipeline().transforms()) {
                if (!(t instanceof TargetEncodingTransform)) {
                    assertArrayEquals(Arrays.copyOfRange(applied, offset, offset + t.width()),
                            Arrays.copyOfRange(f.trainFeatures()[i], offset, offset + t.width()), 0.0,
                            "row " + i + " column " + t.column());
                }
                offset += t.width();
            }
        }
        assertArrayEquals(f.pipeline().transform(rows.get(0)), f.pipeline().transform(List.of(rows.get(0)))[0], 0.0);
    }
}
