package io.autogate.engine.sample;

import io.autogate.engine.predict.PredictionCsv;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic sample datasets that ship with Autogate, so a first run needs no data of one's own.
 * Each is generated from a seed by a stated model with noise, with the messiness of real files:
 * an ID column, a date column, categorical and boolean columns, and missing values.
 * <ul>
 *   <li>{@code churn}: binary — will a subscriber cancel ({@code churned} yes/no)?</li>
 *   <li>{@code houses}: regression — sale {@code price} of a house.</li>
 *   <li>{@code sales}: forecasting — monthly {@code units} sold by three stores ({@code month},
 *       {@code store}): trend, yearly season, noise and a few missing months.</li>
 * </ul>
 */
public final class SampleDatasets {
    /** Names of the samples. */
    public static final List<String> NAMES = List.of("churn", "houses", "sales");

    private SampleDatasets() {
    }

    /** Writes a sample as CSV; {@code rows} rows generated from {@code seed}. */
    public static void write(String name, int rows, long seed, Writer out) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        switch (name) {
            case "churn" -> churn(rows, rng, out);
            case "houses" -> houses(rows, rng, out);
            case "sales" -> sales(rows, rng, out);
            default -> throw new IllegalArgumentException("unknown sample '" + name + "'; choose one of " + NAMES);
        }
    }

    private static void churn(int rows, SplittableRandom rng, Writer out) throws IOException {
        String[] plans = {"basic", "plus", "pro"};
        String[] regions = {"north", "south", "east", "west", "central", "islands"};
        line(out, List.of("customer_id", "signup_date", "plan", "region", "monthly_fee", "tenure_months",
                "support_tickets", "usage_hours", "autopay", "churned"));
        LocalDate start = LocalDate.of(2019, 1, 1);
        for (int i = 0; i < rows; i++) {
            int plan = rng.nextInt(3);
            int region = rng.nextInt(regions.length);
            double fee = 10 + plan * 15 + rng.nextDouble() * 8;
            int tenure = 1 + rng.nextInt(60);
            int tickets = poisson(rng, 0.5 + 0.02 * fee);
            double usage = Math.max(0, 20 + 10 * plan + gaussian(rng) * 8 - 0.1 * tickets);
            boolean autopay = rng.nextDouble() < 0.55;
            double logit = -1.2 + 0.55 * tickets - 0.045 * tenure - 0.05 * (usage - 25) + (autopay ? -0.8 : 0.3)
                    + (region == 5 ? 0.7 : 0) + 0.02 * (fee - 25) + gaussian(rng) * 0.5;
            boolean churned = rng.nextDouble() < 1 / (1 + Math.exp(-logit));
            LocalDate signup = start.plusDays(rng.nextInt(5 * 365));
            String usageText = rng.nextDouble() < 0.05 ? "" : String.format(Locale.ROOT, "%.1f", usage);
            line(out, List.of(String.format(Locale.ROOT, "C%05d", i + 1), signup.toString(), plans[plan], regions[region],
                    String.format(Locale.ROOT, "%.2f", fee), Integer.toString(tenure), Integer.toString(tickets), usageText,
                    autopay ? "yes" : "no", churned ? "yes" : "no"));
        }
    }

    private static void houses(int rows, SplittableRandom rng, Writer out) throws IOException {
        String[] districts = {"Old Town", "Riverside", "Hillcrest", "Harbor", "Meadows", "Industrial"};
        double[] districtPremium = {1.25, 1.15, 1.3, 1.4, 1.0, 0.8};
        line(out, List.of("listing_id", "district", "area_m2", "rooms", "year_built", "garden", "distance_center_km",
                "energy_label", "sold_on", "price"));
        String[] labels = {"A", "B", "C", "D", "E"};
        LocalDate start = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < rows; i++) {
            int d = rng.nextInt(districts.length);
            double area = 35 + Math.exp(3.2 + 0.6 * rng.nextDouble()) + rng.nextDouble() * 40;
            int rooms = Math.max(1, (int) Math.round(area / 28 + gaussian(rng) * 0.7));
            int year = 1900 + rng.nextInt(124);
            boolean garden = rng.nextDouble() < 0.4;
            double distance = Math.abs(gaussian(rng) * 6 + (d == 0 ? 0.5 : 4));
            int label = Math.min(4, Math.max(0, (2024 - year) / 25 + rng.nextInt(2)));
            LocalDate sold = start.plusDays(rng.nextInt(4 * 365));
            double trend = 1 + 0.04 * (sold.toEpochDay() - start.toEpochDay()) / 365.0;
            double price = 2600 * area * districtPremium[d] * trend * (garden ? 1.08 : 1) * (1 - 0.035 * label)
                    * Math.exp(-0.02 * distance) * Math.exp(gaussian(rng) * 0.12);
            String yearText = rng.nextDouble() < 0.03 ? "NA" : Integer.toString(year);
            line(out, List.of(String.format(Locale.ROOT, "L%05d", i + 1), districts[d], String.format(Locale.ROOT, "%.1f", area),
                    Integer.toString(rooms), yearText, garden ? "true" : "false", String.format(Locale.ROOT, "%.2f", distance),
                    labels[label], sold.toString(), String.format(Locale.ROOT, "%.0f", price)));
        }
    }

    /** {@code rows / 3} months of each of three stores, month by month; about 2% of values missing. */
    private static void sales(int rows, SplittableRandom rng, Writer out) throws IOException {
        String[] stores = {"harbor", "old-town", "station"};
        double[] level = {220, 140, 310};
        double[] trend = {1.6, 0.4, -0.8};
        double[] season = {0.25, 0.4, 0.15};
        line(out, List.of("month", "store", "units"));
        int months = Math.max(1, rows / stores.length);
        LocalDate start = LocalDate.of(2019, 1, 1);
        for (int m = 0; m < months; m++) {
            LocalDate month = start.plusMonths(m);
            for (int s = 0; s < stores.length; s++) {
                // peak in December, trough in the summer; noise grows with the level
                double yearly = 1 + season[s] * Math.cos(2 * Math.PI * (month.getMonthValue() - 12) / 12.0);
                double units = Math.max(0, (level[s] + trend[s] * m) * yearly * (1 + 0.05 * gaussian(rng)));
                String text = rng.nextDouble() < 0.02 ? "" : String.format(Locale.ROOT, "%.0f", units);
                line(out, List.of(String.format(Locale.ROOT, "%04d-%02d", month.getYear(), month.getMonthValue()), stores[s], text));
            }
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u = Math.max(1e-12, rng.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static int poisson(SplittableRandom rng, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        List<String> quoted = new ArrayList<>();
        cells.forEach(c -> quoted.add(PredictionCsv.quote(c)));
        out.write(String.join(",", quoted));
        out.write('\n');
    }
}
