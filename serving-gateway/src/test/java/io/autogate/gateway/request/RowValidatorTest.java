package io.autogate.gateway.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowValidatorTest {
    private final Schema schema = RequestFixtures.churnSchema();
    private final Map<String, Set<String>> known = KnownCategories.of(RequestFixtures.churnManifest());
    private final RowValidator warn = new RowValidator(schema, known, UnseenCategoryPolicy.WARN);
    private final RowValidator reject = new RowValidator(schema, known, UnseenCategoryPolicy.REJECT);

    private static Row row(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of("age", "39", "city", "Oslo", "member", "yes",
                "signup", "2024-05-31", "gender", "male", "color", "red", "code", "7", "plan", "basic"));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return Row.of(values);
    }

    private static List<String> problems(RowCheck check) {
        return check.problems().stream().map(FieldProblem::describe).toList();
    }

    @Test
    void aGoodRowPasses() {
        RowCheck check = warn.check(0, row());
        assertTrue(check.ok(), check.toString());
        assertEquals(List.of(), check.warnings());
    }

    @Test
    void missingValuesAndExtraColumnsAreFine() {
        Map<String, String> values = new HashMap<>();
        for (String c : List.of("age", "city", "member", "signup", "gender", "color", "code", "plan")) {
            values.put(c, null);
        }
        values.put("age", "NA");
        values.put("city", "");
        values.put("unknown_extra", "whatever");
        RowCheck check = reject.check(3, Row.of(values));
        assertTrue(check.ok(), check.toString());
        assertTrue(check.warnings().isEmpty());
    }

    @Test
    void aFeatureColumnTheRowLacksIsNamed() {
        Map<String, String> values = new HashMap<>(Map.of("city", "Oslo", "member", "no", "signup", "2024-01-01",
                "gender", "female", "color", "red", "code", "1", "plan", "pro"));
        RowCheck check = warn.check(2, Row.of(values));
        assertEquals(List.of("row 2: missing field 'age'"), problems(check));
        assertEquals(Map.of("row", 2, "field", "age", "problem", "missing field 'age'"),
                check.problems().get(0).toDetail());
    }

    @Test
    void theIdColumnIsNotRequired() {
        assertTrue(warn.check(0, row()).ok(), "customer_id is not a feature");
    }

    @Test
    void numericColumnsNeedFiniteNumbers() {
        assertEquals(List.of("row 0 field 'age': must be a number, got 'abc'"), problems(warn.check(0, row("age", "abc"))));
        for (String nonFinite : List.of("NaN", "Infinity", "-Infinity", "inf", "1e999")) {
            assertEquals(List.of("row 0 field 'age': must be a finite number, got '" + nonFinite + "'"),
                    problems(warn.check(0, row("age", nonFinite))), nonFinite);
        }
        for (String ok : List.of("-3", " 2.5 ", "1e3", "+4", ".5")) {
            assertTrue(warn.check(0, row("age", ok)).ok(), ok);
        }
    }

    @Test
    void booleanColumnsTakeBooleanWordsAndTheirTrainingValues() {
        for (String ok : List.of("true", "FALSE", "Yes", "n", "1", "0", "t")) {
            assertTrue(reject.check(0, row("member", ok)).ok(), ok);
        }
        assertEquals(List.of("row 0 field 'member': must be a boolean (true/false, yes/no, y/n, t/f, 1/0), got 'maybe'"),
                problems(warn.check(0, row("member", "maybe"))));
        assertTrue(reject.check(0, row("gender", "Female")).ok(), "training values compare ignoring case");
    }

    @Test
    void anUnseenValueOfATwoValuedNonBooleanColumnIsAnUnseenCategory() {
        RowCheck warned = warn.check(1, row("gender", "other"));
        assertTrue(warned.ok());
        assertEquals("row 1 field 'gender': category 'other' was not seen in training (2 known)",
                warned.warnings().get(0).describe());
        assertEquals(1, reject.check(1, row("gender", "other")).problems().size());
    }

    @Test
    void aBooleanColumnWithoutKnownValuesTakesOnlyBooleanWords() {
        Schema s = new Schema(List.of(ColumnSpec.of("flag", ColumnType.BOOLEAN)), "t", TaskType.REGRESSION, null);
        RowValidator v = new RowValidator(s, Map.of(), UnseenCategoryPolicy.WARN);
        assertTrue(v.check(0, Row.of(Map.of("flag", "y"))).ok());
        assertEquals(1, v.check(0, Row.of(Map.of("flag", "male"))).problems().size());
    }

    @Test
    void datetimeColumnsMustParse() {
        assertEquals(List.of("row 0 field 'signup': must be a date/time in ISO-8601 form such as 2024-05-31 or "
                + "2024-05-31T13:45:00, got '31/05/2024'"), problems(warn.check(0, row("signup", "31/05/2024"))));
        assertTrue(warn.check(0, row("signup", "2024-05-31T13:45:00")).ok());
        Schema patterned = new Schema(List.of(new ColumnSpec("d", ColumnType.DATETIME, "dd/MM/yyyy")), "t",
                TaskType.REGRESSION, null);
        RowValidator v = new RowValidator(patterned, Map.of(), UnseenCategoryPolicy.WARN);
        assertTrue(v.check(0, Row.of(Map.of("d", "31/05/2024"))).ok());
        assertEquals(List.of("row 0 field 'd': must be a date/time in the form dd/MM/yyyy, got '2024-05-31'"),
                problems(v.check(0, Row.of(Map.of("d", "2024-05-31")))));
    }

    @Test
    void unseenCategoriesWarnOrRejectByPolicy() {
        RowCheck warned = warn.check(4, row("city", "Paris"));
        assertTrue(warned.ok());
        assertEquals(List.of("row 4 field 'city': category 'Paris' was not seen in training (5 known)"),
                warned.warnings().stream().map(FieldProblem::describe).toList());
        RowCheck rejected = reject.check(4, row("city", "Paris"));
        assertEquals(List.of("row 4 field 'city': category 'Paris' was not seen in training (5 known)"),
                problems(rejected));
        assertTrue(rejected.warnings().isEmpty());
    }

    @Test
    void categoriesAreComparedAsThePipelineReadsThem() {
        assertTrue(reject.check(0, row("city", "  Tromsø ")).ok(), "stripped like RawValues.category");
        assertTrue(reject.check(0, row("city", "Bergen")).ok(), "rare one-hot categories are known");
        assertEquals(1, reject.check(0, row("city", "oslo")).problems().size(), "category keys are case-sensitive");
    }

    @Test
    void columnsWithoutKnownCategoriesAreNotChecked() {
        assertTrue(reject.check(0, row("plan", "enterprise", "code", "anything")).ok());
    }

    @Test
    void theExceptionSummarisesAndDetailsEveryProblem() {
        List<RowCheck> checks = warn.checkAll(List.of(row("age", "abc"), row(), row("age", "x", "member", "perhaps")));
        ApiException e = RowValidator.toException(checks).orElseThrow();
        assertEquals(400, e.status());
        assertEquals("invalid_input", e.code());
        assertEquals("2 rows have invalid fields: row 0 field 'age': must be a number, got 'abc'; "
                + "row 2 field 'age': must be a number, got 'x'; row 2 field 'member': must be a boolean "
                + "(true/false, yes/no, y/n, t/f, 1/0), got 'perhaps'", e.getMessage());
        assertEquals(3, e.details().size());
        assertEquals(Map.of("row", 2, "field", "member",
                "problem", "must be a boolean (true/false, yes/no, y/n, t/f, 1/0), got 'perhaps'"), e.details().get(2));
    }

    @Test
    void oneBadRowIsSingularAndGoodRowsGiveNoException() {
        assertTrue(RowValidator.toException(warn.checkAll(List.of(row(), row()))).isEmpty());
        ApiException e = RowValidator.toException(List.of(warn.check(0, row("age", "?x")))).orElseThrow();
        assertTrue(e.getMessage().startsWith("1 row has invalid fields: "), e.getMessage());
    }

    @Test
    void theMessageAndDetailsAreCapped() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            rows.add(row("age", "bad" + i));
        }
        ApiException e = RowValidator.toException(warn.checkAll(rows)).orElseThrow();
        assertEquals(RowValidator.MAX_DETAILS, e.details().size());
        assertTrue(e.getMessage().startsWith("150 rows have invalid fields: row 0 field 'age'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; and 145 more"), e.getMessage());
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String longValue = "z".repeat(500);
        String text = warn.check(0, row("age", longValue)).problems().get(0).text();
        assertTrue(text.length() < 100, text);
        assertTrue(text.endsWith("...'"), text);
    }

    @Test
    void warningsAreListedAndCapped() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(row("city", "Paris"));
        }
        List<String> lines = RowValidator.warnings(warn.checkAll(rows));
        assertEquals(RowValidator.MAX_WARNINGS + 1, lines.size());
        assertEquals("row 0 field 'city': category 'Paris' was not seen in training (5 known)", lines.get(0));
        assertEquals("and 20 more warnings", lines.get(lines.size() - 1));
        assertEquals(List.of(), RowValidator.warnings(warn.checkAll(List.of(row()))));
    }
}
