package io.autogate.engine.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The built-in forecasting families, cheapest first (the order fits are scheduled in). */
public final class ForecastFamilies {
    private ForecastFamilies() {
    }

    /** Every built-in family, the opt-in ones ({@link ForecastFamily#byDefault()} false) included. */
    public static List<ForecastFamily> all() {
        List<ForecastFamily> all = new ArrayList<>(List.of(BenchmarkFamilies.values()));
        all.add(new ThetaFamily());
        all.add(new EtsFamily());
        all.add(new ArimaFamily());
        all.add(new ArimaxFamily());
        all.add(new MstlFamily());
        all.add(new LongSeasonNaiveFamily());
        return List.copyOf(all);
    }

    /** Every built-in global family (fitted across all series). */
    public static List<GlobalForecastFamily> global() {
        return List.of(new GbmFamily());
    }

    /** The named families (the default ones when {@code names} is empty); an unknown name is an error naming the known ones. */
    public static List<ForecastFamily> select(List<ForecastFamily> available, List<String> names) {
        return select(available, List.of(), names);
    }

    /**
     * The named per-series families (those fitted {@link ForecastFamily#byDefault() by default}
     * when {@code names} is empty); a name that is neither a per-series nor a global family is an
     * error naming the known ones.
     */
    public static List<ForecastFamily> select(List<ForecastFamily> available, List<GlobalForecastFamily> global,
            List<String> names) {
        if (names.isEmpty()) {
            return available.stream().filter(ForecastFamily::byDefault).toList();
        }
        List<String> known = new ArrayList<>(available.stream().map(ForecastFamily::id).toList());
        global.forEach(g -> known.add(g.id()));
        List<ForecastFamily> chosen = new ArrayList<>();
        for (String n : names) {
            String id = n.strip().toLowerCase(Locale.ROOT);
            if (!known.contains(id)) {
                throw new IllegalArgumentException("--families: '" + n + "' is not a forecasting family ("
                        + String.join(", ", known) + ")");
            }
            available.stream().filter(a -> a.id().equals(id) && !chosen.contains(a)).findFirst().ifPresent(chosen::add);
        }
        return List.copyOf(chosen);
    }

    /** The named global families (all when {@code names} is empty); unknown names are left to {@link #select}. */
    public static List<GlobalForecastFamily> selectGlobal(List<GlobalForecastFamily> available, List<String> names) {
        if (names.isEmpty()) {
            return available;
        }
        List<String> ids = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        return available.stream().filter(g -> ids.contains(g.id())).toList();
    }
}
