package io.autogate.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.family.ModelFamilies;
import io.autogate.engine.robustness.RobustnessSettings;
import io.autogate.engine.robustness.SelectionPolicy;
import io.autogate.engine.space.SearchSpaceLoader;
import io.autogate.engine.testing.SlowMeanFamily;
import io.autogate.engine.testing.SyntheticData;
import io.autogate.runtime.testing.ManualClock;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The budget logic, driven by a manual clock: fits "take" simulated seconds, tests take milliseconds. */
class SearchBudgetTest {
    private static SearchSpaceLoader testSpaces() throws URISyntaxException {
        Path folder = Path.of(SearchBudgetTest.class.getResource("/test-spaces/slow_mean.yaml").toURI()).getParent();
        return new SearchSpaceLoader(SearchBudgetTest.class.getClassLoader(), Optional.of(folder));
    }

    private static SearchOutcome run(ManualClock clock, long millisPerFit, SearchSettings settings) throws Exception {
        AutoMlSearch search = new AutoMlSearch(new ModelFamilies(List.of(new SlowMeanFamily(clock, millisPerFit))),
                testSpaces(), clock);
        Dataset data = SyntheticData.binary(100, 1);
        return search.run(data, settings, SearchListener.none());
    }

    @Test
    void trialsStopAtTheSearchDeadlineAndTheRunEndsWithinBudget() throws Exception {
        ManualClock clock = new ManualClock(0);
        // 5 folds x 2 s = 10 s per trial; the search may use 88% of 60 s = 52.8 s. Trials run one
        // at a time in batches of two: the batch started at 40 s has one trial ending at 50 s and
        // one that starts at 50 s and is stopped between folds once 52.8 s has passed.
        SearchOutcome outcome = run(clock, 2000, new SearchSettings(Duration.ofSeconds(60), null, 1, 1, List.of()));
        assertEquals(6, outcome.trials().size());
        assertEquals(5, outcome.trials().stream().filter(t -> t.status() == TrialStatus.OK).count());
        assertEquals(TrialStatus.TIMED_OUT, outcome.trials().get(5).status());
        assertEquals(54.0, outcome.wallSeconds(), 1e-9);
        assertTrue(clock.millis() <= 60_000, "simulated wall time " + clock.millis());
    }

    @Test
    void aTrialStillRunningAtTheDeadlineIsRecordedAsTimedOut() throws Exception {
        ManualClock clock = new ManualClock(0);
        // the first trial (7 s per fold = 35 s) sets the estimate; a second trial started at 35 s
        // would end at 70 s, so it is not started: the search ends with one trial
        SearchOutcome outcome = run(clock, 7000, new SearchSettings(Duration.ofSeconds(60), null, 1, 1, List.of()));
        assertEquals(1, outcome.trials().size());
        assertEquals(35.0, outcome.wallSeconds(), 1e-9);
    }

    @Test
    void robustnessChecksTakeTheirShareAndTheBudgetStillHolds() throws Exception {
        ManualClock clock = new ManualClock(0);
        AutoMlSearch search = new AutoMlSearch(new ModelFamilies(List.of(new SlowMeanFamily(clock, 2000))), testSpaces(), clock);
        Dataset data = SyntheticData.binary(100, 1);
        SearchOutcome outcome = search.run(data, new SearchSettings(Duration.ofSeconds(60), null, 1, 1, List.of()),
                RobustnessSettings.of(SelectionPolicy.BALANCED, null, null), SearchListener.none());
        // trials may use 88% - 20% = 68% of 60 s = 40.8 s: four 10 s trials; a fifth would end after it, so it is not started
        assertEquals(4, outcome.trials().stream().filter(t -> t.status() == TrialStatus.OK).count());
        assertTrue(outcome.robustness() != null);
        // each split refits the top trials (2 s each); the checks stop at 52.8 s, so some splits are skipped
        assertTrue(!outcome.robustness().skipped().isEmpty(), "the checks ran out of their share");
        assertTrue(outcome.robustness().reports().get(0).shiftedScores().size() >= 1, "some splits were checked");
        assertTrue(clock.millis() <= 60_000, "simulated wall time " + clock.millis());
        assertTrue(outcome.wallSeconds() <= 52.8 + 1e-9, "checks end by 88% of the budget: " + outcome.wallSeconds());
    }

    @Test
    void aRefitTakesItsShareAndRunsWhenItFits() throws Exception {
        ManualClock clock = new ManualClock(0);
        // trials may use 88% - 12% = 76% of 60 s = 45.6 s: four 10 s trials (a fifth would end at 50 s); the refit
        // (about 10 s / 5 folds x 100/80 rows x 1.25 = 3.1 s estimated, 2 s taken) then ends by 52.8 s
        SearchOutcome outcome = run(clock, 2000, new SearchSettings(Duration.ofSeconds(60), null, 1, 1, List.of(), true));
        assertEquals(4, outcome.trials().size());
        assertTrue(outcome.members().stream().allMatch(m -> m.folds().size() == 1), "refit: one model per member");
        assertTrue(outcome.finalFit().startsWith("refit on all 100 rows"), outcome.finalFit());
        assertEquals(42.0, outcome.wallSeconds(), 1e-9);
    }

    @Test
    void aRefitThatWouldOverrunTheBudgetIsSkippedAndTheFoldModelsKept() throws Exception {
        ManualClock clock = new ManualClock(0);
        // one 45 s trial (9 s per fold); the refit would need about 9 s x 100/80 x 1.25 = 14 s, past 52.8 s
        SearchOutcome outcome = run(clock, 9000, new SearchSettings(Duration.ofSeconds(60), null, 1, 1, List.of(), true));
        assertEquals(5, outcome.members().get(0).folds().size());
        assertTrue(outcome.finalFit().contains("refit on all rows skipped: it needs about 14.1 s, 7.8 s of the budget left"),
                outcome.finalFit());
        assertEquals(45.0, outcome.wallSeconds(), 1e-9);
    }

    @Test
    void withoutRefitTheFinalModelIsTheBaggedFoldModels() throws Exception {
        SearchOutcome outcome = run(new ManualClock(0), 1, new SearchSettings(null, 2, 1, 1, List.of()));
        assertEquals(5, outcome.members().get(0).folds().size());
        assertEquals("bagged: each member averages its 5 fold models", outcome.finalFit());
    }

    @Test
    void noTrialWithinTheBudgetIsAClearFailure() {
        ManualClock clock = new ManualClock(0);
        SearchFailedException e = assertThrows(SearchFailedException.class,
                () -> run(clock, 20_000, new SearchSettings(Duration.ofSeconds(60), null, 1, 1, List.of())));
        assertTrue(e.getMessage().contains("raise --budget"), e.getMessage());
    }

    @Test
    void trialCapWithoutBudgetRunsExactlyThatManyTrials() throws Exception {
        ManualClock clock = new ManualClock(0);
        SearchOutcome outcome = run(clock, 1, new SearchSettings(null, 7, 1, 2, List.of()));
        assertEquals(7, outcome.trials().size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), outcome.trials().stream().map(Trial::id).toList());
        assertEquals("portfolio:plain", outcome.trials().get(0).candidate().origin());
        assertEquals("portfolio:shrunk", outcome.trials().get(1).candidate().origin());
    }
}
