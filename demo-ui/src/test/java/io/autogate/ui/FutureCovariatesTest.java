package io.autogate.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The known covariates of a forecast result and the future rows typed in the try step. */
class FutureCovariatesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyTheKnownCovariatesNeedFutureValues() throws Exception {
        JsonNode result = JSON.readTree("{\"covariates\":[{\"name\":\"bus\",\"role\":\"past\"},"
                + "{\"name\":\"promo\",\"role\":\"known\"},{\"name\":\"price\",\"role\":\"known\"}]}");
        assertEquals(List.of("promo", "price"), FutureCovariates.known(result));
        assertEquals(List.of(), FutureCovariates.known(JSON.readTree("{}")), "results from before covariates have none");
        assertEquals("timestamp,promo,price", FutureCovariates.header(List.of("promo", "price")));
        String needed = FutureCovariates.needed(List.of("promo", "price"), "shop:production");
        assertTrue(needed.contains("future values of promo, price for each step ahead"), needed);
        assertTrue(needed.contains("POST /v1/models/shop:production/forecast"), needed);
        assertTrue(needed.contains("bin/autogate predict"), needed);
    }

    @Test
    void typedLinesBecomeFutureRowsWithEmptyCellsMissing() throws Exception {
        JsonNode rows = FutureCovariates.rows(" timestamp, promo ,price\n2024-03-01,true,9.5\n\n2024-03-02,false,\n");
        assertEquals(JSON.readTree("[{\"timestamp\":\"2024-03-01\",\"promo\":\"true\",\"price\":\"9.5\"},"
                + "{\"timestamp\":\"2024-03-02\",\"promo\":\"false\",\"price\":null}]"), rows);
    }

    @Test
    void linesThatDoNotFitAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FutureCovariates.rows("promo\ntrue"))
                .getMessage().contains("'timestamp'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FutureCovariates.rows("timestamp,promo\n"))
                .getMessage().contains("one line of future values per step"));
        assertEquals("future values line 3 has 3 values for the 2 columns timestamp,promo",
                assertThrows(IllegalArgumentException.class,
                        () -> FutureCovariates.rows("timestamp,promo\n2024-03-01,true\n2024-03-02,true,1")).getMessage());
    }

    @Test
    void theGatewaysTemplateBecomesOneLinePerStepWithItsTimeAndACellPerCovariate() throws Exception {
        JsonNode template = JSON.readTree("{\"future\":[{\"timestamp\":\"2024-03-01\",\"promo\":null,\"price\":null},"
                + "{\"timestamp\":\"2024-03-02\",\"promo\":null,\"price\":null}]}");
        String box = FutureCovariates.template(List.of("promo", "price"), template);
        assertEquals("timestamp,promo,price\n2024-03-01,,\n2024-03-02,,\n", box);
        assertEquals(2, FutureCovariates.rows(box.replace(",,", ",true,9.5")).size(), "filled in, it reads back");
    }
}
