package io.autogate.engine.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.family.ModelFamilies;
import io.autogate.engine.metrics.PrimaryMetric;
import io.autogate.engine.search.AutoMlSearch;
import io.autogate.engine.search.SearchListener;
import io.autogate.engine.search.SearchOutcome;
import io.autogate.engine.search.SearchSettings;
import io.autogate.engine.space.SearchSpaceLoader;
import io.autogate.engine.testing.SlowMeanFamily;
import io.autogate.runtime.artifact.RobustnessCard;
import io.autogate.runtime.testing.ManualClock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The report's numbers on data where the answer is known: a model that predicts its training
 * mean, on a dataset whose site c has targets 30 higher, must lose exactly the predictable amount
 * when site c is held out.
 */
class RobustnessChecksTest {
    private static SearchOutcome search(Dataset data) throws Exception {
        Path folder = Path.of(RobustnessChecksTest.class.getResource("/test-spaces/slow_mean.yaml").toURI()).getParent();
        ManualClock clock = new ManualClock(0);
        AutoMlSearch search = new AutoMlSearch(new ModelFamilies(List.of(new SlowMeanFamily(clock, 0))),
                new SearchSpaceLoader(RobustnessChecksTest.class.getClassLoader(), Optional.of(folder)), clock);
        return search.run(data, new SearchSettings(null, 2, 3, 1, List.of()),
                RobustnessSettings.of(SelectionPolicy.BALANCED, "year", "site"), SearchListener.none());
    }

    @Test
    void aMeanModelLosesWhatItMustOnTheHeldOutDomain() throws Exception {
        Dataset data = ShiftData.regression(300, 30, 5);
        RobustnessOutcome r = search(data).robustness();
        assertNotNull(r);
        RobustnessReport report = r.reports().get(0);
        ShiftedSplit siteC = r.splits().stream().filter(s -> s.label().equals("site=c")).findFirst().orElseThrow();
        double mean = 0;
        for (int i : siteC.train()) {
            mean += data.y()[i] / siteC.train().length;
        }
        double squares = 0;
        for (int i : siteC.test()) {
            squares += (data.y()[i] - mean) * (data.y()[i] - mean);
        }
        double expected = Math.sqrt(squares / siteC.test().length);
        assertEquals(expected, report.shiftedScores().get("site=c"), 1e-9);
        assertEquals(expected - report.iidScore(), report.degradation(report.shiftedScores().get("site=c")), 1e-9);
        assertEquals("site=c", report.worstSplit());
        assertTrue(report.shiftedScores().get("site=c") > report.shiftedScores().get("site=a"));
        assertTrue(r.skipped().isEmpty(), "no budget: every split is checked " + r.skipped());
        assertNotNull(report.seedSpread());
        assertEquals(0.0, report.seedSpread().iidScoreStd(), 1e-12, "a mean model does not depend on its seed");
        assertTrue(r.summary().startsWith("when the site changes (c never seen), rmse rises from"), r.summary());

        RobustnessCard card = r.card();
        assertEquals("balanced", card.policy());
        Map<String, Object> cSplit = card.splits().stream().filter(m -> m.get("label").equals("site=c")).findFirst().orElseThrow();
        assertEquals(100, cSplit.get("test_rows"));
        assertTrue(String.valueOf(cSplit.get("why")).contains("site = 'c'"));
        assertEquals(RowRanges.of(siteC.test()), cSplit.get("held_out"), "the card lists the held-out rows");
        assertEquals(true, cSplit.get("held_out_complete"));
        assertTrue(String.valueOf(cSplit.get("held_out")).startsWith("2,5,8"), "site c is every third row from row 2");
        assertEquals(0.5, (Double) cSplit.get("shift_auc"), 1e-9, "a constant adversary cannot tell the sides apart");
    }

    @Test
    void theChecksAreDeterministic() throws Exception {
        Dataset data = ShiftData.regression(150, 10, 9);
        RobustnessCard a = search(data).robustness().card();
        RobustnessCard b = search(data).robustness().card();
        assertEquals(a, b);
    }

    private static RobustnessReport report(String name, double iid, double... shifted) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < shifted.length; i++) {
            scores.put("s" + i, shifted[i]);
        }
        return new RobustnessReport(name, null, "f", PrimaryMetric.AUC, iid, scores, null);
    }

    @Test
    void eachPolicyPicksByItsFormula() {
        // AUC, higher is better; losses are -auc
        RobustnessReport sharp = report("sharp", 0.95, 0.94, 0.60);   // best iid, collapses on one split
        RobustnessReport steady = report("steady", 0.90, 0.86, 0.84);  // best worst case
        RobustnessReport middle = report("middle", 0.93, 0.90, 0.80);
        List<RobustnessReport> all = List.of(sharp, steady, middle);
        assertEquals("sharp", RobustnessChecks.pick(all, SelectionPolicy.IID).candidate());
        assertEquals("steady", RobustnessChecks.pick(all, SelectionPolicy.ROBUST).candidate());
        // balanced = (L_iid + mean)/2 + (worst - mean)/4:
        // sharp  (-0.95 - 0.77)/2 + (-0.60 + 0.77)/4 = -0.8175
        // steady (-0.90 - 0.85)/2 + (-0.84 + 0.85)/4 = -0.8725
        // middle (-0.93 - 0.85)/2 + (-0.80 + 0.85)/4 = -0.8775
        assertEquals(-0.8175, RobustnessChecks.policyScore(sharp, SelectionPolicy.BALANCED), 1e-12);
        assertEquals(-0.8725, RobustnessChecks.policyScore(steady, SelectionPolicy.BALANCED), 1e-12);
        assertEquals(-0.8775, RobustnessChecks.policyScore(middle, SelectionPolicy.BALANCED), 1e-12);
        assertEquals("middle", RobustnessChecks.pick(all, SelectionPolicy.BALANCED).candidate());
    }
}
