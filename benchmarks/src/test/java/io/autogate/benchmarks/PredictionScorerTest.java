package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.autogate.engine.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionScorerTest {

    private static final BenchmarkDataset BINARY = new BenchmarkDataset("b", "classification/b.csv", "y",
            BenchmarkTask.BINARY, TestMetric.AUC, null);
    private static final BenchmarkDataset MULTI = new BenchmarkDataset("m", "classification/m.csv", "y",
            BenchmarkTask.MULTICLASS, TestMetric.ACCURACY, null);
    private static final BenchmarkDataset REGRESSION = new BenchmarkDataset("r", "regression/r.csv", "y",
            BenchmarkTask.REGRESSION, TestMetric.RMSE, null);

    @Test
    void binaryUsesTheProbabilityOfTheSecondSortedClass() {
        CsvTable test = CsvTable.parse("x,y\n1,<=50K\n2,>50K\n3,<=50K\n4,>50K\n", "test");
        // p_>50K ranks the positives above the negatives except one pair; prediction has 2 of 4 right
        CsvTable predictions = CsvTable.parse("prediction,p_<=50K,p_>50K\n<=50K,0.9,0.1\n>50K,0.2,0.8\n"
                + ">50K,0.4,0.6\n<=50K,0.5,0.5\n", "pred");
        TestScore score = PredictionScorer.score(BINARY, test, predictions, List.of("<=50K", ">50K"));
        assertEquals(TestMetric.AUC, score.metric());
        // positives 0.8, 0.5; negatives 0.1, 0.6 -> pairs: 1, 1, 1, 0 -> 0.75
        assertEquals(0.75, score.value(), 1e-12);
        assertEquals(0.5, score.accuracy(), 1e-12);
    }

    @Test
    void binaryMatchesNumericLabelsWrittenDifferently() {
        CsvTable test = CsvTable.parse("y\n2\n4\n2\n", "test");
        CsvTable predictions = CsvTable.parse("prediction,p_2.0,p_4.0\n2.0,0.7,0.3\n4.0,0.1,0.9\n2.0,0.8,0.2\n", "pred");
        TestScore score = PredictionScorer.score(BINARY, test, predictions, List.of("2", "4"));
        assertEquals(1.0, score.value(), 1e-12);
        assertEquals(1.0, score.accuracy(), 1e-12);
    }

    @Test
    void multiclassAndRegression() {
        CsvTable test = CsvTable.parse("y\na\nb\nc\nc\n", "test");
        CsvTable predictions = CsvTable.parse("prediction,p_a,p_b,p_c\na,1,0,0\nc,0,0,1\nc,0,0,1\nc,0,0,1\n", "pred");
        TestScore multi = PredictionScorer.score(MULTI, test, predictions, List.of("a", "b", "c"));
        assertEquals(0.75, multi.value(), 1e-12);
        assertNull(multi.accuracy());

        CsvTable numbers = CsvTable.parse("y\n1\n2\n", "test");
        TestScore rmse = PredictionScorer.score(REGRESSION, numbers,
                CsvTable.parse("prediction\n4\n-2\n", "pred"), List.of());
        assertEquals(Math.sqrt((9 + 16) / 2.0), rmse.value(), 1e-12);
    }

    @Test
    void badPredictionFilesAreNamed() {
        CsvTable test = CsvTable.parse("y\n1\n0\n", "test");
        assertThrows(BadInputException.class, () -> PredictionScorer.score(BINARY, test,
                CsvTable.parse("prediction,p_0\n1,0.1\n0,0.9\n", "pred"), List.of("0", "1")));
        assertThrows(BadInputException.class, () -> PredictionScorer.score(BINARY, test,
                CsvTable.parse("prediction,p_1\n1,0.9\n", "pred"), List.of("0", "1")));
        assertThrows(BadInputException.class, () -> PredictionScorer.score(REGRESSION, test,
                CsvTable.parse("prediction\nabc\n1\n", "pred"), List.of()));
        assertThrows(BadInputException.class, () -> PredictionScorer.score(REGRESSION, test,
                CsvTable.parse("value\n1\n1\n", "pred"), List.of()));
    }
}
