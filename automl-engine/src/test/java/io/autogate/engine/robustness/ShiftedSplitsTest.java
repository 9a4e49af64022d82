package io.autogate.engine.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Dataset;
import io.autogate.engine.validation.FoldPlan;
import io.autogate.engine.validation.FoldPlanner;
import io.autogate.runtime.schema.Row;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each kind of shifted split holds out what it says, and the same seed gives the same splits. */
class ShiftedSplitsTest {
    private final Dataset data = ShiftData.regression(300, 0, 7);
    private final FoldPlan plan = FoldPlanner.plan(data.y(), false, 7);

    private ShiftColumns columns(String time, String domain) {
        return ShiftColumns.resolve(data, RobustnessSettings.of(SelectionPolicy.BALANCED, time, domain));
    }

    private List<ShiftedSplit> build(long seed) {
        return ShiftedSplits.build(data, columns("year", "site"), plan, null, seed);
    }

    private static void assertPartition(ShiftedSplit s, int rows) {
        Set<Integer> test = Arrays.stream(s.test()).boxed().collect(Collectors.toSet());
        assertTrue(Arrays.stream(s.train()).noneMatch(test::contains), s.label() + ": a row on both sides");
        assertTrue(s.train().length + s.test().length <= rows);
    }

    @Test
    void leaveOneDomainOutHoldsOutExactlyThatDomain() {
        List<ShiftedSplit> domains = build(1).stream().filter(s -> s instanceof ShiftedSplit.DomainHoldOut).toList();
        assertEquals(List.of("site=a", "site=b", "site=c"), domains.stream().map(ShiftedSplit::label).toList());
        for (ShiftedSplit s : domains) {
            String domain = ((ShiftedSplit.DomainHoldOut) s).domain();
            assertTrue(Arrays.stream(s.test()).allMatch(i -> data.rows().get(i).get("site").equals(domain)));
            assertTrue(Arrays.stream(s.train()).noneMatch(i -> data.rows().get(i).get("site").equals(domain)));
            assertEquals(100, s.test().length);
            assertEquals(200, s.train().length);
        }
    }

    @Test
    void outOfTimeTestsOnTheLatestRowsOnly() {
        ShiftedSplit s = build(1).get(0);
        assertEquals("time", s.kind());
        double latestTrain = Arrays.stream(s.train()).mapToDouble(i -> year(i)).max().orElseThrow();
        double earliestTest = Arrays.stream(s.test()).mapToDouble(i -> year(i)).min().orElseThrow();
        assertTrue(latestTrain < earliestTest);
        assertEquals(60, s.test().length, "the last 20% by year: years 2012-2014");
        assertEquals(300, s.train().length + s.test().length);
    }

    private double year(int row) {
        return Double.parseDouble(data.rows().get(row).get("year"));
    }

    @Test
    void quantileTailsAreTheMostTargetRelatedFeaturesExtremes() {
        List<ShiftedSplit> tails = build(1).stream().filter(s -> s instanceof ShiftedSplit.QuantileTails).toList();
        ShiftedSplit.QuantileTails first = (ShiftedSplit.QuantileTails) tails.get(0);
        assertEquals("signal", first.column(), "signal drives the target");
        assertTrue(tails.stream().noneMatch(s -> ((ShiftedSplit.QuantileTails) s).column().equals("year")),
                "the time column is not a quantile split");
        for (int i : first.test()) {
            double v = Double.parseDouble(data.rows().get(i).get("signal"));
            assertTrue(v <= first.low() || v >= first.high());
        }
        for (int i : first.train()) {
            double v = Double.parseDouble(data.rows().get(i).get("signal"));
            assertTrue(v > first.low() && v < first.high());
        }
        assertEquals(60, first.test().length, 2, "about the bottom and top decile");
    }

    @Test
    void clustersPartitionTheRows() {
        List<ShiftedSplit> clusters = build(1).stream().filter(s -> s instanceof ShiftedSplit.ClusterHoldOut).toList();
        assertEquals(3, clusters.size());
        int[] all = clusters.stream().flatMapToInt(s -> Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 300).toArray(), all, "every row is in exactly one held-out cluster");
        clusters.forEach(s -> assertPartition(s, 300));
    }

    @Test
    void aTwoClassSplitWhoseTestSideHoldsOneClassIsNotMade() {
        Dataset binary = ShiftData.binary(300, 7);
        List<ShiftedSplit> splits = ShiftedSplits.build(binary, ShiftColumns.resolve(binary,
                RobustnessSettings.of(SelectionPolicy.BALANCED, "year", "site")), FoldPlanner.plan(binary.y(), true, 7), null, 1);
        List<String> domains = splits.stream().filter(s -> s instanceof ShiftedSplit.DomainHoldOut)
                .map(ShiftedSplit::label).toList();
        assertEquals(List.of("site=a", "site=b"), domains, "site c is all of class 1: AUC is undefined there");
        for (ShiftedSplit s : splits) {
            assertEquals(2, Arrays.stream(s.test()).mapToDouble(i -> binary.y()[i]).distinct().count(), s.label());
        }
    }

    @Test
    void perturbationsChangeOnlyTheTestRowsAndAreDeterministic() {
        ShiftedSplit.Perturbed noise = (ShiftedSplit.Perturbed) build(1).stream()
                .filter(s -> s.label().equals("noise")).findFirst().orElseThrow();
        assertArrayEquals(plan.folds().get(0).valid(), noise.test());
        Dataset a = noise.testData(data);
        Dataset b = noise.testData(data);
        Set<Integer> test = Arrays.stream(noise.test()).boxed().collect(Collectors.toSet());
        int changed = 0;
        for (int i = 0; i < data.size(); i++) {
            assertEquals(a.rows().get(i).get("signal"), b.rows().get(i).get("signal"), "same seed, same noise");
            if (!test.contains(i)) {
                assertSame(data.rows().get(i), a.rows().get(i));
            } else if (!a.rows().get(i).get("signal").equals(data.rows().get(i).get("signal"))) {
                changed++;
                double delta = Double.parseDouble(a.rows().get(i).get("signal")) - Double.parseDouble(data.rows().get(i).get("signal"));
                assertTrue(Math.abs(delta) < 0.1 * 2.9 * 6, "noise is a tenth of the spread: " + delta);
            }
            assertEquals(data.rows().get(i).get("site"), a.rows().get(i).get("site"), "categoricals untouched by noise");
        }
        assertEquals(noise.test().length, changed);

        ShiftedSplit unseen = build(1).stream().filter(s -> s.label().equals("unseen_categories")).findFirst().orElseThrow();
        long replaced = Arrays.stream(unseen.test()).filter(i -> Perturbation.UNSEEN.equals(unseen.testData(data).rows().get(i).get("kind"))).count();
        assertTrue(replaced > 0.1 * unseen.test().length && replaced < 0.3 * unseen.test().length, "about a fifth: " + replaced);
        ShiftedSplit missing = build(1).stream().filter(s -> s.label().equals("missing")).findFirst().orElseThrow();
        long blank = Arrays.stream(missing.test()).filter(i -> Row.isMissing(missing.testData(data).rows().get(i).get("noise"))).count();
        assertTrue(blank > 0 && blank < 0.25 * missing.test().length, "about a tenth: " + blank);
    }

    @Test
    void theSameSeedGivesTheSameSplitsAndAnotherSeedOtherClustersOrNoise() {
        List<ShiftedSplit> a = build(11);
        List<ShiftedSplit> b = build(11);
        assertEquals(a.stream().map(ShiftedSplit::label).toList(), b.stream().map(ShiftedSplit::label).toList());
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k).test(), b.get(k).test(), a.get(k).label());
            assertArrayEquals(a.get(k).train(), b.get(k).train(), a.get(k).label());
        }
        ShiftedSplit noiseA = a.stream().filter(s -> s.label().equals("noise")).findFirst().orElseThrow();
        ShiftedSplit noiseC = build(12).stream().filter(s -> s.label().equals("noise")).findFirst().orElseThrow();
        int row = noiseA.test()[0];
        assertNotEquals(noiseA.testData(data).rows().get(row).get("signal"), noiseC.testData(data).rows().get(row).get("signal"));
    }

    @Test
    void everySplitSaysWhy() {
        for (ShiftedSplit s : build(1)) {
            assertTrue(s.why().length() > 20, s.label() + ": " + s.why());
        }
        assertTrue(build(1).get(1).why().contains("site = 'a'"), build(1).get(1).why());
        assertTrue(RowRanges.of(new int[] {0, 1, 2, 5, 7, 8}).equals("0-2,5,7-8"));
    }

    @Test
    void aDomainColumnIsSuggestedByNameAndBadColumnsAreRejected() {
        ShiftColumns suggested = columns(null, null);
        assertEquals("site", suggested.domainColumn());
        assertTrue(suggested.notes().get(0).contains("suggested"), suggested.notes().toString());
        assertTrue(assertThrows(BadInputException.class, () -> columns(null, "sitee")).getMessage().contains("'site'"));
        assertTrue(assertThrows(BadInputException.class, () -> columns("kind", null)).getMessage()
                .contains("not a date or a number"));
        assertTrue(assertThrows(BadInputException.class, () -> columns(null, "y")).getMessage().contains("target"));
    }
}
