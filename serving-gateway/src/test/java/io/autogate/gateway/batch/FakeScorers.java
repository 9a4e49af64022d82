package io.autogate.gateway.batch;

import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test scorers: a classifier reading column {@code x}, counting the rows it saw. */
final class FakeScorers {
    static final BatchOutputSpec CLASSES = new BatchOutputSpec(List.of("no", "yes"), false);

    private FakeScorers() {
    }

    /** "yes" (0.2/0.8) when x > 5, "no" (0.9/0.1) otherwise; an error when x is not a number. */
    static BatchScorer threshold(AtomicLong seen) {
        return rows -> {
            seen.addAndGet(rows.size());
            List<ScoredRow> out = new ArrayList<>(rows.size());
            for (Row row : rows) {
                out.add(new ScoredRow(predict(row.get("x")), "m@1", null));
            }
            return out;
        };
    }

    private static Prediction predict(String x) {
        try {
            return Integer.parseInt(x) > 5 ? Prediction.ofClass("yes", List.of(0.2, 0.8)) : Prediction.ofClass("no", List.of(0.9, 0.1));
        } catch (NumberFormatException e) {
            return Prediction.ofError("x: must be a number, got '" + x + "'");
        }
    }
}
