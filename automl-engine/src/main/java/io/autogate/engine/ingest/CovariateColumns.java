package io.autogate.engine.ingest;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.pipeline.RawValues;
import io.autogate.runtime.schema.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one place that checks the covariate columns named for a forecast and infers how each is
 * encoded: numeric when every value is a number, boolean when every value is a boolean word
 * (true/false, yes/no, t/f, y/n), otherwise categorical over its sorted distinct values (at most
 * {@link #MAX_CATEGORIES}). Names are stripped; a covariate must be a column of the data, not the
 * target, time or series column, named once, and have a value. The command line
 * ({@link Labels#CLI}) and the HTTP training jobs (the request field names) name the option in
 * each {@link Problem} their own way.
 */
public final class CovariateColumns {
    /** Most distinct values a categorical covariate may have. */
    static final int MAX_CATEGORIES = 1000;

    /**
     * How the caller's input names the two covariate lists, e.g. {@code --known-covariates} on
     * the command line or {@code known_covariates} in an HTTP body.
     */
    public record Labels(String known, String past) {
        /** The command line's options. */
        public static final Labels CLI = new Labels("--known-covariates", "--past-covariates");

        String of(CovariateRole role) {
            return role == CovariateRole.KNOWN ? known : past;
        }
    }

    /** One problem with one named covariate: the option or field ({@code label}) and what is wrong. */
    public record Problem(String label, String problem) {
        /** One line naming the option: the label, then the problem. */
        public String message() {
            return label + " " + problem;
        }
    }

    /** The checked covariates (known ones first), or the problems that keep them from being used. */
    record Checked(List<Covariate> covariates, List<Problem> problems) {
    }

    private CovariateColumns() {
    }

    /** Every problem with these covariate names on this table (empty: they can all be used). */
    public static List<Problem> problems(Table table, List<String> known, List<String> past, String target,
            String timeColumn, String seriesColumn, Labels labels) {
        return check(table, known, past, target, timeColumn, seriesColumn, labels).problems();
    }

    /** The covariates, known ones first; any problem is one {@link BadInputException} naming the command-line options. */
    static List<Covariate> of(Table table, List<String> known, List<String> past, String target, String timeColumn,
            String seriesColumn) {
        Checked checked = check(table, known, past, target, timeColumn, seriesColumn, Labels.CLI);
        if (!checked.problems().isEmpty()) {
            throw new BadInputException(checked.problems().stream().map(Problem::message).collect(Collectors.joining("; ")));
        }
        return checked.covariates();
    }

    static Checked check(Table table, List<String> known, List<String> past, String target, String timeColumn,
            String seriesColumn, Labels labels) {
        List<Covariate> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> seenIn = new HashMap<>();
        for (CovariateRole role : CovariateRole.values()) {
            String label = labels.of(role);
            for (String raw : role == CovariateRole.KNOWN ? known : past) {
                String name = raw.strip();
                String problem = nameProblem(table, name, target, timeColumn, seriesColumn);
                if (problem == null) {
                    String earlier = seenIn.putIfAbsent(name, label);
                    problem = earlier == null ? null : earlier.equals(label) ? "'" + name + "' is named twice"
                            : "'" + name + "' is named twice, here and in " + earlier
                                    + "; a covariate is either known in advance or past-only";
                }
                if (problem == null) {
                    problem = infer(table, name, table.header().indexOf(name), role, out);
                }
                if (problem != null) {
                    problems.add(new Problem(label, problem));
                }
            }
        }
        return new Checked(List.copyOf(out), List.copyOf(problems));
    }

    private static String nameProblem(Table table, String name, String target, String timeColumn, String seriesColumn) {
        if (name.isEmpty()) {
            return "has an empty column name";
        }
        String clash = name.equals(target) ? "the target" : name.equals(timeColumn) ? "the time column"
                : name.equals(seriesColumn) ? "the series column" : null;
        if (clash != null) {
            return "'" + name + "' is " + clash + ", not a covariate";
        }
        return table.header().contains(name) ? null : TimeSeriesLoader.notAColumn(table, name);
    }

    // adds the covariate to out, or says why it cannot be one
    private static String infer(Table table, String name, int column, CovariateRole role, List<Covariate> out) {
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
            return "'" + name + "' has no value";
        }
        if (numeric || bool) {
            out.add(new Covariate(name, role, numeric ? ColumnType.NUMERIC : ColumnType.BOOLEAN, List.of()));
            return null;
        }
        if (distinct.size() > MAX_CATEGORIES) {
            return "'" + name + "' is neither numeric nor boolean and has more than " + MAX_CATEGORIES
                    + " distinct values; at most " + MAX_CATEGORIES + " categories are supported";
        }
        out.add(new Covariate(name, role, ColumnType.CATEGORICAL, List.copyOf(distinct)));
        return null;
    }
}
