package io.autogate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --task forecast --known-covariates/--past-covariates} and {@code predict} with the
 * future covariate rows in the file, end to end, and their bad input.
 */
class ForecastCovariatesCommandTest {
    private static final LocalDate START = LocalDate.of(2022, 3, 7);

    @TempDir
    Path dir;

    private static String dayType(int t) {
        return t % 7 == 6 ? "U" : t % 7 == 5 ? "A" : t % 17 == 3 ? "U" : "W";
    }

    private static double rides(int t) {
        return switch (dayType(t)) {
            case "U" -> 400;
            case "A" -> 700;
            default -> 1200 + (t % 3) * 5;
        };
    }

    /** One daily series of {@code days} days: rides by day type (W/A/U), a past-only bus count, a holiday flag. */
    private Path data(int days) throws Exception {
        StringBuilder sb = new StringBuilder("date,day_type,holiday,bus,rides\n");
        for (int t = 0; t < days; t++) {
            sb.append(START.plusDays(t)).append(',').append(dayType(t)).append(',').append(t % 17 == 3 ? "TRUE" : "FALSE")
                    .append(',').append(t == 9 ? "" : String.valueOf(rides(t) * 0.6)).append(',').append(rides(t)).append('\n');
        }
        Path p = dir.resolve("rides.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private String registry() {
        return dir.resolve("reg").toString();
    }

    private CliRun train(Path data, String... covariates) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", data.toString(), "--target", "rides", "--task",
                "forecast", "--time-column", "date", "--horizon", "7", "--budget", "15s", "--registry", registry(), "--name",
                "rides", "--seed", "3"));
        args.addAll(List.of(covariates));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** A predict input: the last 30 days of history, then {@code future} rows with the covariates and no target. */
    private Path history(int days, int future) throws Exception {
        StringBuilder sb = new StringBuilder("date,day_type,holiday,bus,rides\n");
        for (int t = days - 30; t < days + future; t++) {
            boolean past = t < days;
            sb.append(START.plusDays(t)).append(',').append(dayType(t)).append(',').append(t % 17 == 3 ? "TRUE" : "FALSE")
                    .append(',').append(past ? String.valueOf(rides(t) * 0.6) : "").append(',')
                    .append(past ? String.valueOf(rides(t)) : "").append('\n');
        }
        Path p = dir.resolve("history-" + future + ".csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void trainsWithCovariatesAndPredictsFromTheFutureRowsOfTheFile() throws Exception {
        int days = 200;
        CliRun train = train(data(days), "--known-covariates", "day_type,holiday", "--past-covariates", "bus");
        assertEquals(0, train.status(), train.err());
        assertTrue(train.err().contains("covariate day_type (known in advance, categorical [A, U, W]): no missing value"),
                train.err());
        assertTrue(train.err().contains("covariate bus (past-only, numeric): 1 missing value(s) imputed by linear interpolation"),
                train.err());

        CliRun json = train(data(days), "--known-covariates", "day_type", "--json", "--families", "gbm");
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().contains("\"covariates\":[\"day_type (known in advance, categorical [A, U, W])\"]"), json.out());

        Path out = dir.resolve("pred.csv");
        CliRun predict = CliRun.of("predict", "--registry", registry(), "--model", "rides", "--data",
                history(days, 7).toString(), "--out", out.toString());
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(8, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("," + START.plusDays(days) + ","), lines.get(1));

        Path future = dir.resolve("future.csv");
        StringBuilder sb = new StringBuilder("date,day_type,holiday\n");
        for (int t = days; t < days + 3; t++) {
            sb.append(START.plusDays(t)).append(',').append(dayType(t)).append(",FALSE\n");
        }
        Files.writeString(future, sb.toString());
        CliRun fromEnd = CliRun.of("predict", "--registry", registry(), "--model", "rides", "--data", future.toString(),
                "--out", out.toString(), "--horizon", "3");
        assertEquals(0, fromEnd.status(), fromEnd.err());
        assertEquals(4, Files.readAllLines(out).size());

        CliRun tooShort = CliRun.of("predict", "--registry", registry(), "--model", "rides", "--data",
                history(days, 4).toString(), "--out", dir.resolve("short.csv").toString());
        assertOneLine(tooShort, "known covariate 'day_type' has no future value at " + START.plusDays(days + 4));
        assertFalse(Files.exists(dir.resolve("short.csv")), "no output is written on bad input");
        Files.writeString(future, "date,holiday\n" + START.plusDays(days) + ",FALSE\n");
        assertOneLine(CliRun.of("predict", "--registry", registry(), "--model", "rides", "--data", future.toString(),
                "--out", out.toString(), "--horizon", "1"), "no column for covariate day_type");
    }

    @Test
    void badCovariateOptionsAreOneLineAndExitTwo() throws Exception {
        Path data = data(60);
        assertOneLine(train(data, "--known-covariates", "daytype"), "--known-covariates 'daytype' is not a column");
        assertOneLine(train(data, "--known-covariates", "rides"), "'rides' is the target");
        assertOneLine(train(data, "--past-covariates", "date"), "'date' is the time column");
        assertOneLine(train(data, "--known-covariates", "bus", "--past-covariates", "bus"), "named twice");
        assertOneLine(train(data, "--known-covariates", "day_type", "--families", "ets"), "gbm");
        assertFalse(Files.exists(dir.resolve("reg").resolve("rides")), "nothing registered");
        assertOneLine(CliRun.of("train", "--data", data.toString(), "--target", "rides", "--known-covariates", "day_type",
                "--registry", registry()), "--task forecast");
    }

    private static void assertOneLine(CliRun run, String words) {
        assertEquals(2, run.status(), run.err());
        String message = run.err().strip();
        assertTrue(message.startsWith("error: "), message);
        assertTrue(message.contains(words), "expected '" + words + "' in: " + message);
        assertEquals(1, message.lines().count(), message);
    }
}
