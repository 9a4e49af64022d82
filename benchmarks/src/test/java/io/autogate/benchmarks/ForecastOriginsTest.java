package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The multi-origin forecasting benchmark on the shared shampoo sales (36 months, horizon 6). */
class ForecastOriginsTest {
    private static final int HORIZON = 6;
    private static final int PERIOD = 12;

    @Test
    void eachOriginHoldsOutItsOwnHorizonTooShortOnesAreSkippedAndTheSummaryCountsTheWindows() throws Exception {
        Path datasets = SharedDatasetsSplitTest.sharedDatasets();
        assumeTrue(datasets != null, "shared datasets not found");
        double[] sales = Files.readAllLines(datasets.resolve("timeseries/shampoo-sales.csv")).stream().skip(1)
                .mapToDouble(line -> Double.parseDouble(line.split(",")[1])).toArray();

        String report = ForecastOrigins.run(datasets.resolve("timeseries"), List.of("shampoo"), ForecastOrigins.origins("4"),
                ForecastOrigins.CONFIGS);

        for (int k = 1; k <= 3; k++) {
            String origin = k == 1 ? "1 (holdout)" : String.valueOf(k);
            String row = report.substring(report.indexOf("### Every window")).lines().filter(l -> l.startsWith("| shampoo | " + origin + " |")).findFirst().orElseThrow();
            String[] cells = row.split("\\|");
            double naive = Double.parseDouble(cells[3].trim());
            assertEquals(seasonalNaiveMase(sales, sales.length - (k - 1) * HORIZON), naive, 5e-4, row);
            assertEquals(3 + ForecastOrigins.CONFIGS.size() + 1, cells.length, row);
            for (int c = 4; c < cells.length; c++) {
                double mase = Double.parseDouble(cells[c].trim());
                assertTrue(mase > 0 && mase < 10, row);
            }
        }
        assertTrue(report.contains("| shampoo | 4 | skipped: a series has 12 values before this window, fewer than 3 horizons |"),
                report);
        assertTrue(report.contains("| origins 2..4 (before the holdout), 2 windows |"), report);
        assertTrue(report.contains("| origin 1 (the holdout), 1 windows |"), report);
        assertTrue(report.contains(String.format(Locale.ROOT, "| %s | ", ForecastOrigins.CONFIGS.get(0).name())), report);
        String perDataset = report.substring(report.indexOf("### Per dataset"), report.indexOf("### Every window"));
        String shampoo = perDataset.lines().filter(l -> l.startsWith("| shampoo | 2 | ")).findFirst().orElseThrow();
        double geometricMean = Math.sqrt(seasonalNaiveMase(sales, sales.length - HORIZON)
                * seasonalNaiveMase(sales, sales.length - 2 * HORIZON));
        assertEquals(geometricMean, Double.parseDouble(shampoo.split("\\|")[3].trim()), 5e-4, shampoo);
    }

    @Test
    void originsAreACountOrAListOfRangesLatestLast() {
        assertArrayEquals(new int[] {4, 3, 2, 1}, ForecastOrigins.origins("4"));
        assertArrayEquals(new int[] {56, 55, 9, 3, 2}, ForecastOrigins.origins("2-3,55-56,9,3"));
        assertEquals("2..3, 9, 55..56", ForecastOrigins.label(ForecastOrigins.origins("2-3,55-56,9")));
        for (String bad : List.of("1", "0-3", "5-2", "2-", "a", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForecastOrigins.origins(bad));
            assertTrue(e.getMessage().contains("origin"), e.getMessage());
        }
    }

    /** Seasonal naive's MASE on the horizon that ends at {@code end}, scaled by its in-sample MAE before it. */
    private static double seasonalNaiveMase(double[] y, int end) {
        double[] train = Arrays.copyOf(y, end - HORIZON);
        double scale = 0;
        for (int t = PERIOD; t < train.length; t++) {
            scale += Math.abs(train[t] - train[t - PERIOD]);
        }
        scale /= train.length - PERIOD;
        double error = 0;
        for (int i = 0; i < HORIZON; i++) {
            int t = train.length + i;
            error += Math.abs(y[t] - train[train.length - PERIOD + i % PERIOD]);
        }
        return error / HORIZON / scale;
    }
}
