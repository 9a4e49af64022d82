package io.autogate.engine.ingest;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.pipeline.RawValues;
import io.autogate.runtime.schema.ColumnType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the covariate columns named for a forecast ({@code --known-covariates},
 * {@code --past-covariates}) and infers how each is encoded: numeric when every value is a
 * number, boolean when every value is a boolean word (true/false, yes/no, t/f, y/n), otherwise
 * categorical over its sorted distinct values (at most {@link #MAX_CATEGORIES}).
 */
final class CovariateColumns {
    /** Most distinct values a categorical covariate may have. */
    static final int MAX_CATEGORIES = 1000;

    private CovariateColumns() {
    }

    /** The covariates, known ones first, each named once, none the target, time or series column. */
    static List<Covariate> of(Table table, List<String> known, List<String> past, String target, String timeColumn,
            String seriesColumn) {
        List<Covariate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CovariateRole role : CovariateRole.values()) {
            String option = role == CovariateRole.KNOWN ? "--known-covariates" : "--past-covariates";
            for (String raw : role == CovariateRole.KNOWN ? known : past) {
                String name = raw.strip();
                if (name.isEmpty()) {
                    throw new BadInputException(option + " has an empty column name");
                }
                String clash = name.equals(target) ? "the target" : name.equals(timeColumn) ? "the time column"
                        : name.equals(seriesColumn) ? "the series column" : null;
                if (clash != null) {
                    throw new BadInputException(option + " '" + name + "' is " + clash + ", not a covariate");
                }
                if (!seen.add(name)) {
                    throw new BadInputException("covariate '" + name + "' is named twice (in --known-covariates and"
                            + " --past-covariates, or twice in one)");
                }
                int column = TimeSeriesLoader.column(table, name, option);
                out.add(infer(table, name, column, role));
            }
        }
        return out;
    }

    private static Covariate infer(Table table, String name, int column, CovariateRole role) {
        boolean numeric = true;
        boolean bool = true;
        TreeSet<String> distinct = new TreeSet<>();
        for (String[] row : table.rows()) {
            String v = row[column];
            if (MissingValues.isMissing(v)) {
                continue;
            }
            String s = v.strip();
            numeric &= !Double.isNaN(RawValues.number(s));
            bool &= RawValues.isTrueWord(s) || RawValues.isFalseWord(s);
            if (distinct.size() <= MAX_CATEGORIES) {
                distinct.add(s);
            }
        }
        if (distinct.isEmpty()) {
            throw new BadInputException("covariate '" + name + "' has no value");
        }
        if (numeric) {
            return new Covariate(name, role, ColumnType.NUMERIC, List.of());
        }
        if (bool) {
            return new Covariate(name, role, ColumnType.BOOLEAN, List.of());
        }
        if (distinct.size() > MAX_CATEGORIES) {
            throw new BadInputException("covariate '" + name + "' is neither numeric nor boolean and has more than "
                    + MAX_CATEGORIES + " distinct values; at most " + MAX_CATEGORIES + " categories are supported");
        }
        return new Covariate(name, role, ColumnType.CATEGORICAL, List.copyOf(distinct));
    }
}
