package io.autogate.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.schema.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The covariate checks shared by {@code train --task forecast} and the HTTP training jobs. */
class CovariateColumnsTest {
    private static final CovariateColumns.Labels FIELDS = new CovariateColumns.Labels("known_covariates", "past_covariates");

    private static Table table() {
        List<String[]> rows = List.of(
                new String[] {"2024-01-01", "a", "yes", "W", "", "3"},
                new String[] {"2024-01-02", "a", "no", "U", "", "4"},
                new String[] {"2024-01-03", "a", "yes", "W", "", "5"});
        return new Table(List.of("day", "shop", "promo", "day_type", "sensor", "visits"), rows, List.of(2, 3, 4));
    }

    private static List<CovariateColumns.Problem> problems(List<String> known, List<String> past) {
        return CovariateColumns.problems(table(), known, past, "visits", "day", "shop", FIELDS);
    }

    @Test
    void usableNamesAreStrippedAndHaveNoProblem() {
        assertEquals(List.of(), problems(List.of(" promo ", "day_type"), List.of()));
        List<Covariate> covariates = CovariateColumns.of(table(), List.of(" promo"), List.of("day_type "), "visits", "day",
                "shop");
        assertEquals(List.of(new Covariate("promo", CovariateRole.KNOWN, ColumnType.BOOLEAN, List.of()),
                new Covariate("day_type", CovariateRole.PAST, ColumnType.CATEGORICAL, List.of("U", "W"))), covariates);
    }

    @Test
    void everyProblemIsReturnedUnderTheCallersLabel() {
        List<CovariateColumns.Problem> problems = problems(List.of("price", "visits", "promo", "promo", " "),
                List.of("day", "promo", "sensor"));
        assertEquals(List.of(
                new CovariateColumns.Problem("known_covariates", "'price' is not a column of the data"),
                new CovariateColumns.Problem("known_covariates", "'visits' is the target, not a covariate"),
                new CovariateColumns.Problem("known_covariates", "'promo' is named twice"),
                new CovariateColumns.Problem("known_covariates", "has an empty column name"),
                new CovariateColumns.Problem("past_covariates", "'day' is the time column, not a covariate"),
                new CovariateColumns.Problem("past_covariates", "'promo' is named twice, here and in known_covariates;"
                        + " a covariate is either known in advance or past-only"),
                new CovariateColumns.Problem("past_covariates", "'sensor' has no value")), problems);
        assertEquals("past_covariates 'sensor' has no value", problems.get(6).message());
    }

    @Test
    void theCommandLineGetsOneLineNamingItsOptions() {
        BadInputException e = assertThrows(BadInputException.class, () -> CovariateColumns.of(table(), List.of("daytype"),
                List.of("shop"), "visits", "day", "shop"));
        assertEquals("--known-covariates 'daytype' is not a column of the data (did you mean day_type?);"
                + " --past-covariates 'shop' is the series column, not a covariate", e.getMessage());
    }
}
