package io.autogate.engine.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The built-in forecasting families, cheapest first (the order fits are scheduled in). */
public final class ForecastFamilies {
    private ForecastFamilies() {
    }

    /** Every built-in family. */
    public static List<ForecastFamily> all() {
        List<ForecastFamily> all = new ArrayList<>(List.of(BenchmarkFamilies.values()));
        all.add(new ThetaFamily());
        all.add(new EtsFamily());
        all.add(new ArimaFamily());
        return List.copyOf(all);
    }

    /** The named families (all when {@code names} is empty); an unknown name is an error naming the known ones. */
    public static List<ForecastFamily> select(List<ForecastFamily> available, List<String> names) {
        if (names.isEmpty()) {
            return available;
        }
        List<ForecastFamily> chosen = new ArrayList<>();
        for (String n : names) {
            String id = n.strip().toLowerCase(Locale.ROOT);
            ForecastFamily f = available.stream().filter(a -> a.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--families: '" + n + "' is not a forecasting family ("
                            + String.join(", ", available.stream().map(ForecastFamily::id).toList()) + ")"));
            if (!chosen.contains(f)) {
                chosen.add(f);
            }
        }
        return List.copyOf(chosen);
    }
}
