package io.autogate.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.autogate.engine.data.Table;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ColumnTypeInferenceTest {
    private static ColumnType type(String... values) {
        return ColumnTypeInference.infer("c", Arrays.asList(values)).type();
    }

    private static List<String> generate(int n, IntFunction<String> value) {
        return IntStream.range(0, n).mapToObj(value).toList();
    }

    @Test
    void numbersAreNumericWithMissingTokensIgnored() {
        assertEquals(ColumnType.NUMERIC, type("1.5", "", "NA", "-2", ".28", "1e3", " 7 ", "?"));
        assertEquals(ColumnType.NUMERIC, type("0", "1", "1", "0", "1"));
    }

    @Test
    void javaOnlyNumberFormsAreNotNumbers() {
        assertEquals(ColumnType.CATEGORICAL, type("1d", "2f", "1d", "2f"));
        assertEquals(ColumnType.CATEGORICAL, type("Infinity", "1", "1", "2"));
    }

    @Test
    void atMostOneDistinctValueIsConstant() {
        assertEquals(ColumnType.CONSTANT, type("a", "a", "a"));
        assertEquals(ColumnType.CONSTANT, type("5", "", "5", "NA"));
        assertEquals(ColumnType.CONSTANT, type("", "NA", "null"));
    }

    @Test
    void booleanWordsAreBooleanButNumericZeroOneStaysNumeric() {
        assertEquals(ColumnType.BOOLEAN, type("Yes", "no", "YES", "", "no"));
        assertEquals(ColumnType.BOOLEAN, type("TRUE", "False", "true"));
        assertEquals(ColumnType.BOOLEAN, type("y", "n", "n"));
        assertEquals(ColumnType.BOOLEAN, type("T", "F", "F", "T"));
        assertEquals(ColumnType.NUMERIC, type("0", "1", "0"));
        // two words that are not a boolean pair, or a third value
        assertEquals(ColumnType.CATEGORICAL, type("yes", "false", "yes", "false"));
        assertEquals(ColumnType.CATEGORICAL, type("yes", "no", "maybe", "no"));
    }

    @Test
    void recognisesIsoAndPatternDates() {
        ColumnSpec iso = ColumnTypeInference.infer("d", List.of("2020-01-01", "2020-02-15", "", "2021-12-31"));
        assertEquals(ColumnType.DATETIME, iso.type());
        assertNull(iso.datetimePattern());

        ColumnSpec months = ColumnTypeInference.infer("m", List.of("1949-01", "1949-02", "1949-03"));
        assertEquals(new ColumnSpec("m", ColumnType.DATETIME, "yyyy-MM"), months);

        ColumnSpec stamps = ColumnTypeInference.infer("t", List.of("2016-07-01 00:00:00", "2016-07-01 01:00:00"));
        assertEquals("yyyy-MM-dd HH:mm:ss", stamps.datetimePattern());

        ColumnSpec dotted = ColumnTypeInference.infer("t", List.of("31.12.2020", "01.01.2021", "15.06.2021"));
        assertEquals("dd.MM.yyyy", dotted.datetimePattern());
    }

    @Test
    void dayFirstWhenAmbiguousMonthFirstWhenOnlyThatParsesEverything() {
        ColumnSpec ambiguous = ColumnTypeInference.infer("d", List.of("01/02/2020", "03/04/2020", "05/06/2020"));
        assertEquals("dd/MM/yyyy", ambiguous.datetimePattern());

        ColumnSpec dayFirst = ColumnTypeInference.infer("d", List.of("01/02/2020", "25/12/2020", "05/06/2020"));
        assertEquals("dd/MM/yyyy", dayFirst.datetimePattern());

        ColumnSpec monthFirst = ColumnTypeInference.infer("d", List.of("01/02/2020", "12/25/2020", "05/06/2020"));
        assertEquals("MM/dd/yyyy", monthFirst.datetimePattern());
    }

    @Test
    void monthFirstWinsWhenItParsesMoreValuesEvenIfDayFirstReaches95Percent() {
        // 40 values that parse both ways and one that only parses month-first: day-first gets 97.6%
        List<String> values = new ArrayList<>(generate(40, i -> String.format("%02d/%02d/2020", i % 12 + 1, i % 12 + 1)));
        values.add("12/31/2020");
        assertEquals("MM/dd/yyyy", ColumnTypeInference.infer("d", values).datetimePattern());
    }

    @Test
    void datesNeedNinetyFivePercentParsing() {
        List<String> values = new ArrayList<>(generate(19, i -> "2020-01-0" + (i % 5 + 1)));
        values.add("soon");
        assertEquals(ColumnType.DATETIME, ColumnTypeInference.infer("d", values).type()); // 19/20 = 95%
        values.add("later");
        assertEquals(ColumnType.CATEGORICAL, ColumnTypeInference.infer("d", values).type()); // 19/21 < 95%
    }

    @Test
    void yearOnlyIntegersStayNumeric() {
        assertEquals(ColumnType.NUMERIC, type("1998", "2004", "2011", "1998", "2020"));
    }

    @Test
    void rowNumbersAreIdsButUniqueMeasurementsAreNot() {
        assertEquals(ColumnType.ID, ColumnTypeInference.infer("PassengerId", generate(50, i -> Integer.toString(i + 1)))
                .type());
        assertEquals(ColumnType.ID, type("100", "101", "102", "103"));
        SplittableRandom random = new SplittableRandom(7);
        List<String> continuous = generate(50, i -> Double.toString(random.nextDouble() * 100));
        assertEquals(ColumnType.NUMERIC, ColumnTypeInference.infer("x", continuous).type());
        // unique integers that do not step by one, or that step by one but are shuffled
        assertEquals(ColumnType.NUMERIC, type("1", "3", "5", "7"));
        assertEquals(ColumnType.NUMERIC, type("2", "1", "3", "4"));
        // a row number with a gap in the values is a number too
        assertEquals(ColumnType.NUMERIC, type("1", "2", "", "4"));
    }

    @Test
    void uniqueCodesAreIds() {
        assertEquals(ColumnType.ID, ColumnTypeInference.infer("key",
                generate(30, i -> "K-" + Integer.toHexString(1000 + i * 37))).type());
        assertEquals(ColumnType.ID, ColumnTypeInference.infer("uuid",
                generate(30, i -> "3f2504e0-4f89-11d3-9a0c-0305e82c" + String.format("%04d", i))).type());
    }

    @Test
    void longOrSpacedManyDistinctValuesAreText() {
        // sentences: unique, with spaces
        assertEquals(ColumnType.TEXT, ColumnTypeInference.infer("review",
                generate(30, i -> "this product number " + i + " was fine")).type());
        // names: mostly unique and with spaces, but a few repeat, so not unique per row
        List<String> names = new ArrayList<>(generate(30, i -> "Mr. Person " + i));
        names.add("Mr. Person 1");
        assertEquals(ColumnType.TEXT, ColumnTypeInference.infer("name", names).type());
        // long values without spaces, more than half distinct
        List<String> longCodes = new ArrayList<>(generate(20, i -> "abcdefghijklmnopqrstuvwxyz" + i % 12));
        assertEquals(ColumnType.TEXT, ColumnTypeInference.infer("blob", longCodes).type());
    }

    @Test
    void repeatedLabelsAreCategorical() {
        assertEquals(ColumnType.CATEGORICAL, type("red", "blue", "red", "green", "blue"));
        assertEquals(ColumnType.CATEGORICAL, ColumnTypeInference.infer("place",
                generate(40, i -> List.of("NEAR BAY", "<1H OCEAN", "INLAND").get(i % 3))).type());
        // mixed numbers and words
        assertEquals(ColumnType.CATEGORICAL, type("1", "2", "x", "1"));
    }

    @Test
    void infersEveryColumnOfATableInOrder() {
        Table t = new Table(List.of("id", "x", "flag"),
                List.of(new String[] {"1", "0.5", "yes"}, new String[] {"2", "1.5", "no"}, new String[] {"3", "0.5", "no"}),
                List.of(2, 3, 4));
        assertEquals(List.of(ColumnSpec.of("id", ColumnType.ID), ColumnSpec.of("x", ColumnType.NUMERIC),
                ColumnSpec.of("flag", ColumnType.BOOLEAN)), ColumnTypeInference.infer(t));
    }

    @Test
    void isAPureFunctionOfTheValuesAndHandlesFiftyThousandRows() {
        SplittableRandom random = new SplittableRandom(11);
        List<String> dates = generate(50_000, i -> java.time.LocalDate.of(2000, 1, 1).plusDays(random.nextInt(5000))
                .toString());
        ColumnSpec first = ColumnTypeInference.infer("d", dates);
        assertEquals(ColumnType.DATETIME, first.type());
        assertEquals(first, ColumnTypeInference.infer("d", dates));
        List<String> labels = generate(50_000, i -> "cat" + (i % 97));
        assertEquals(ColumnType.CATEGORICAL, ColumnTypeInference.infer("c", labels).type());
    }
}
