package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    private static final Path REPO = Path.of("/work/repo");

    @Test
    void defaultsRunEveryDatasetForSixtySeconds() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[0], REPO);
        assertEquals(60, options.budgetSeconds());
        assertEquals(11, options.datasets().size());
        assertFalse(options.skipH2o());
        assertEquals(Path.of("/work/shared/datasets"), options.datasetsRoot());
        assertEquals(REPO.resolve("benchmarks/results"), options.resultsDir());
        assertEquals(42, options.seed());
    }

    @Test
    void parsesBudgetDatasetsAndSkips() {
        BenchmarkOptions options = BenchmarkOptions.parse(
                new String[] {"--budget", "20s", "--datasets", "iris, pima-diabetes", "--skip-h2o"}, REPO);
        assertEquals(20, options.budgetSeconds());
        assertEquals(List.of("iris", "pima-diabetes"), options.datasets().stream().map(BenchmarkDataset::name).toList());
        assertTrue(options.skipH2o());
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--budget"}, REPO));
        assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse(new String[] {"--budget", "soon"}, REPO));
        assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse(new String[] {"--datasets", "mnist"}, REPO));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--fast"}, REPO));
        assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse(new String[] {"--skip-h2o", "--skip-autogate"}, REPO));
    }

    @Test
    void suiteHasTheProjectTargets() {
        List<BenchmarkDataset> suite = BenchmarkSuite.standard();
        assertEquals(7, suite.stream().filter(d -> d.qualityTarget() != null).count());
        BenchmarkDataset wineQuality = BenchmarkSuite.select(List.of("wine-quality")).get(0);
        assertEquals(BenchmarkTask.REGRESSION, wineQuality.task());
        assertTrue(wineQuality.qualityTarget().isMetBy(0.63));
        assertFalse(wineQuality.qualityTarget().isMetBy(0.631));
        assertEquals("RMSE <= 48000", BenchmarkSuite.select(List.of("california-housing")).get(0)
                .qualityTarget().describe());
    }
}
