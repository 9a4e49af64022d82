package io.autogate.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The result charts are SVG carrying the figures they were given, and the sentences read the numbers right. */
class ResultChartsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String svg(String dataUrl) {
        String prefix = "data:image/svg+xml;base64,";
        assertTrue(dataUrl.startsWith(prefix), dataUrl.substring(0, 40));
        return new String(Base64.getDecoder().decode(dataUrl.substring(prefix.length())), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void theConfusionMatrixShowsEveryCountAndTheWordsNameTheCommonestMistake() throws Exception {
        JsonNode confusion = json("{\"classes\":[\"no\",\"yes\"],\"counts\":[[70,10],[4,16]]}");
        String drawn = svg(ResultCharts.confusion(confusion));
        for (String count : new String[] {">70<", ">10<", ">4<", ">16<", ">yes<"}) {
            assertTrue(drawn.contains(count), count);
        }
        assertEquals("Its most common mistake is taking no for yes: in 10 of 100 rows (10 of the 100 rows it never saw)."
                + " Altogether it is wrong in 14 of 100.", InsightWords.confusion(confusion));
        assertEquals("On the 5 rows it never saw, it mixed up no classes at all.",
                InsightWords.confusion(json("{\"classes\":[\"a\",\"b\"],\"counts\":[[3,0],[0,2]]}")));
    }

    @Test
    void importanceWordsNameTheTopColumnsAndTheUnusedOnes() throws Exception {
        JsonNode features = json("[{\"feature\":\"tenure\",\"importance\":0.12},{\"feature\":\"plan\",\"importance\":0.03},"
                + "{\"feature\":\"region\",\"importance\":0.0}]");
        assertEquals("The model leans most on tenure, then plan: shuffling tenure's values among the rows makes its auc fall"
                + " by 0.120. region makes no difference.", InsightWords.importance(features, "auc"));
        assertTrue(svg(ResultCharts.importance(features, "auc")).contains("tenure"));
    }

    @Test
    void predictedVsActualWordsUseTheMedianAndNinetiethPercentileErrors() throws Exception {
        JsonNode points = json("{\"actual\":[1,2,3,4,5,6,7,8,9,10],\"predicted\":[1.5,2.5,3.5,4,5.5,6.5,7,8,10,13]}");
        String words = InsightWords.predictedVsActual(points, "price");
        assertTrue(words.contains("Half of its guesses of price are within 0.500 of the truth, 9 in 10 within 3.00."), words);
        String drawn = svg(ResultCharts.predictedVsActual(points, "price"));
        assertTrue(drawn.contains("actual price"), "the axis names the target");
        assertTrue(drawn.contains("rgb(46,125,50)"), "the green perfect-guess diagonal is drawn");
    }

    @Test
    void aForecastChartLabelsItsStepsWithTheTimestampsAndTheVerdictComparesWithTheSeasonalRule() throws Exception {
        JsonNode history = json("[{\"timestamp\":\"2024-01\",\"value\":10},{\"timestamp\":\"2024-02\",\"value\":12}]");
        JsonNode forecast = json("[{\"timestamp\":\"2024-03\",\"prediction\":13,\"lower_80\":12,\"upper_80\":14,"
                + "\"lower_95\":11,\"upper_95\":15}]");
        String drawn = svg(ResultCharts.forecast("Forecast of a", history, forecast));
        assertTrue(drawn.contains("2024-01") && drawn.contains("95% interval"), "timestamps and the band legend");
        String verdict = InsightWords.forecastVerdict(json("{\"mase\":0.6,\"coverage_80\":0.81,\"coverage_95\":0.93}"),
                json("{\"mase\":0.8}"), 6);
        assertTrue(verdict.contains("its errors were 40% smaller than"), verdict);
        assertTrue(verdict.contains("the seasonal rule itself scored 0.80 on the same stretches, so the model is 25% more accurate"),
                verdict);
        assertTrue(verdict.contains("The 80% band held the true value 81 times in 100, the 95% band 93 times."), verdict);
    }
}
