package io.autogate.runtime.forecast;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The spacing of a regular series: {@code step} units of {@code unit} (monthly = 1 MONTHS,
 * quarterly = 3 MONTHS, half-hourly = 30 MINUTES).
 */
public record Frequency(ChronoUnit unit, int step) {
    private static final List<ChronoUnit> UNITS = List.of(ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.WEEKS,
            ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS);

    public Frequency {
        if (!UNITS.contains(unit) || step < 1) {
            throw new IllegalArgumentException("frequency " + step + " " + unit + " is not supported");
        }
    }

    /** The time {@code k} steps after {@code t}. */
    public LocalDateTime plus(LocalDateTime t, long k) {
        return t.plus(k * step, unit);
    }

    /** Whole steps from {@code start} to {@code t} (rounded to the nearest grid point). */
    public long stepsBetween(LocalDateTime start, LocalDateTime t) {
        long whole = unit.between(start, t) / step;
        LocalDateTime below = plus(start, whole);
        LocalDateTime above = plus(start, whole + 1);
        long toBelow = Math.abs(ChronoUnit.SECONDS.between(below, t));
        long toAbove = Math.abs(ChronoUnit.SECONDS.between(t, above));
        return toAbove < toBelow ? whole + 1 : whole;
    }

    /** True when {@code t} lies exactly on the grid that starts at {@code start}. */
    public boolean onGrid(LocalDateTime start, LocalDateTime t) {
        return plus(start, stepsBetween(start, t)).equals(t);
    }

    /**
     * The seasonal period used by the seasonal families (statsforecast / AutoGluon conventions:
     * monthly 12, quarterly 4, daily 7, hourly 24, sub-hourly one day; yearly and weekly 1).
     */
    public int seasonalPeriod() {
        return switch (unit) {
            case YEARS, WEEKS -> 1;
            case MONTHS -> 12 % step == 0 && step < 12 ? 12 / step : 1;
            case DAYS -> step == 1 ? 7 : 1;
            case HOURS -> 24 % step == 0 && step < 24 ? 24 / step : 1;
            case MINUTES -> 1440 % step == 0 && step < 1440 ? 1440 / step : 1;
            default -> 1;
        };
    }

    /**
     * Every seasonal period of the frequency, shortest first, for multi-seasonal decomposition
     * (statsforecast {@code MSTL} conventions): sub-daily steps have a day and a week, daily steps a
     * week and a year (365 days), the others only {@link #seasonalPeriod()} (none when it is 1).
     */
    public List<Integer> seasonalPeriods() {
        int m = seasonalPeriod();
        if (m == 1) {
            return List.of();
        }
        return switch (unit) {
            case HOURS, MINUTES -> List.of(m, 7 * m);
            case DAYS -> List.of(7, 365);
            default -> List.of(m);
        };
    }

    /** Short text such as {@code 1h}, {@code 30min}, {@code 1d}, {@code 1w}, {@code 1mo}, {@code 3mo}, {@code 1y}. */
    public String id() {
        String suffix = switch (unit) {
            case YEARS -> "y";
            case MONTHS -> "mo";
            case WEEKS -> "w";
            case DAYS -> "d";
            case HOURS -> "h";
            case MINUTES -> "min";
            default -> "s";
        };
        return step + suffix;
    }

    /** Parses {@link #id()} text; {@code q} is accepted for three months. */
    public static Frequency parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        int n = i == 0 ? 1 : Integer.parseInt(t.substring(0, Math.min(i, 9)));
        String u = t.substring(i);
        return switch (u) {
            case "y", "year", "yearly" -> new Frequency(ChronoUnit.YEARS, n);
            case "q", "quarter", "quarterly" -> new Frequency(ChronoUnit.MONTHS, 3 * n);
            case "mo", "month", "monthly" -> new Frequency(ChronoUnit.MONTHS, n);
            case "w", "week", "weekly" -> new Frequency(ChronoUnit.WEEKS, n);
            case "d", "day", "daily" -> new Frequency(ChronoUnit.DAYS, n);
            case "h", "hour", "hourly" -> new Frequency(ChronoUnit.HOURS, n);
            case "min", "minute" -> new Frequency(ChronoUnit.MINUTES, n);
            case "s", "second" -> new Frequency(ChronoUnit.SECONDS, n);
            default -> throw new IllegalArgumentException("frequency '" + text
                    + "' is not one of Ny, Nq, Nmo, Nw, Nd, Nh, Nmin, Ns (e.g. 1mo, 30min)");
        };
    }

    /**
     * The frequency of sorted, distinct stamps: the most common gap between neighbours, expressed
     * in the largest calendar unit that divides it (so months of 28–31 days are one month).
     */
    public static Frequency infer(List<LocalDateTime> sorted) {
        if (sorted.size() < 2) {
            throw new IllegalArgumentException("at least two distinct timestamps are needed to infer the frequency");
        }
        java.util.Map<Frequency, Integer> votes = new java.util.HashMap<>();
        for (int i = 1; i < sorted.size(); i++) {
            Frequency f = ofGap(sorted.get(i - 1), sorted.get(i));
            if (f != null) {
                votes.merge(f, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(java.util.Map.Entry.<Frequency, Integer>comparingByValue()
                        .thenComparing(e -> -e.getKey().approximateSeconds()))
                .map(java.util.Map.Entry::getKey)
                .orElseThrow(() -> new IllegalArgumentException("the timestamps have no common spacing"));
    }

    private static Frequency ofGap(LocalDateTime a, LocalDateTime b) {
        for (ChronoUnit u : UNITS) {
            long n = u.between(a, b);
            if (n >= 1 && n < Integer.MAX_VALUE && a.plus(n, u).equals(b)) {
                return new Frequency(u, (int) n);
            }
        }
        return null;
    }

    /** The step in seconds, months counted as 30.44 days (for ordering only). */
    public double approximateSeconds() {
        return unit.getDuration().getSeconds() * (double) step;
    }
}
