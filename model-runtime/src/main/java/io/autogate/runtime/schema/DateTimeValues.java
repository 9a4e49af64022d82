package io.autogate.runtime.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parsing of date and time values, shared by type inference at training time and by the feature
 * pipeline at prediction time so both read a value the same way. A column's pattern is one of
 * {@link #PATTERNS}; {@code null} means ISO-8601 (date, local date-time or with an offset).
 */
public final class DateTimeValues {
    /** Day-first and month-first forms recognised besides ISO-8601, most specific first. */
    public static final List<String> PATTERNS = List.of(
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss",
            "dd/MM/yyyy", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "MM/dd/yyyy", "MM/dd/yyyy HH:mm:ss",
            "MM/dd/yyyy HH:mm", "dd.MM.yyyy", "dd.MM.yyyy HH:mm:ss", "dd-MM-yyyy", "MM-dd-yyyy", "yyyy-MM");

    private DateTimeValues() {
    }

    /**
     * Parses a raw value with a pattern from {@link #PATTERNS}, or as ISO-8601 when the pattern is
     * {@code null}. Returns empty when the value does not match.
     */
    public static Optional<LocalDateTime> parse(String raw, String pattern) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        try {
            if (pattern == null) {
                return Optional.of(parseIso(s));
            }
            if (pattern.equals("yyyy-MM")) {
                return Optional.of(LocalDate.parse(s + "-01", DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay());
            }
            DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
            return Optional.of(pattern.contains("HH")
                    ? LocalDateTime.parse(s, f)
                    : LocalDate.parse(s, f).atStartOfDay());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDateTime parseIso(String s) {
        if (s.length() <= 10) {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay();
        }
        try {
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toLocalDateTime();
        }
    }
}
