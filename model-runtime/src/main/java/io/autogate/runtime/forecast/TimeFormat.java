package io.autogate.runtime.forecast;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The text form of a time column. Detected from the first value; forecasts are written back in
 * the same form. Stamps with an offset ({@code ...Z}, {@code +02:00}) are read as UTC.
 */
public enum TimeFormat {
    /** {@code 1960}. */
    YEAR("\\d{4}"),
    /** {@code 1998 Q1} or {@code 1998-Q1}. */
    YEAR_QUARTER("\\d{4}[ -]?Q[1-4]"),
    /** {@code 1960-12}. */
    YEAR_MONTH("\\d{4}-\\d{1,2}"),
    /** {@code 1981-01-31}. */
    DATE("\\d{4}-\\d{2}-\\d{2}"),
    /** {@code 2016-07-01 00:00:00} or {@code 2016-07-01 00:00}. */
    DATE_TIME("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?"),
    /** {@code 2016-07-01T00:00:00}. */
    ISO_LOCAL("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"),
    /** {@code 2012-01-01T00:00:00Z} or with an offset. */
    ISO_OFFSET("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})");

    private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Pattern pattern;

    TimeFormat(String regex) {
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** The format of a sample value, or an error naming the value. */
    public static TimeFormat detect(String sample) {
        String s = sample.strip();
        for (TimeFormat f : values()) {
            if (f.pattern.matcher(s).matches()) {
                return f;
            }
        }
        throw new DateTimeException("'" + sample + "' is not a timestamp (expected e.g. 1960-12, 1998 Q1, 1981-01-31,"
                + " 2016-07-01 00:00:00 or ISO-8601)");
    }

    /** Parses one value of this format; an error names the value. */
    public LocalDateTime parse(String text) {
        String s = text.strip();
        if (!pattern.matcher(s).matches()) {
            throw new DateTimeException("'" + text + "' does not match the time column's format " + name());
        }
        return switch (this) {
            case YEAR -> LocalDate.of(Integer.parseInt(s), 1, 1).atStartOfDay();
            case YEAR_QUARTER -> LocalDate.of(Integer.parseInt(s.substring(0, 4)),
                    3 * (s.charAt(s.length() - 1) - '1') + 1, 1).atStartOfDay();
            case YEAR_MONTH -> {
                int dash = s.indexOf('-');
                yield LocalDate.of(Integer.parseInt(s.substring(0, dash)), Integer.parseInt(s.substring(dash + 1)), 1)
                        .atStartOfDay();
            }
            case DATE -> LocalDate.parse(s).atStartOfDay();
            case DATE_TIME -> LocalDateTime.parse(s.length() == 16 ? s + ":00" : s, SPACE);
            case ISO_LOCAL -> LocalDateTime.parse(s);
            case ISO_OFFSET -> OffsetDateTime.parse(s.replace(' ', 'T').replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        };
    }

    /** Writes a stamp in this format. */
    public String format(LocalDateTime t) {
        return switch (this) {
            case YEAR -> Integer.toString(t.getYear());
            case YEAR_QUARTER -> t.getYear() + " Q" + ((t.getMonthValue() - 1) / 3 + 1);
            case YEAR_MONTH -> String.format(java.util.Locale.ROOT, "%04d-%02d", t.getYear(), t.getMonthValue());
            case DATE -> t.toLocalDate().toString();
            case DATE_TIME -> SPACE.format(t);
            case ISO_LOCAL -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
            case ISO_OFFSET -> DateTimeFormatter.ISO_INSTANT.format(t.toInstant(ZoneOffset.UTC));
        };
    }
}
