package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {

    @Test
    void sameSeedGivesTheSameSplit() {
        assertEquals(TrainTestSplit.shuffled(768, 0.75, 42), TrainTestSplit.shuffled(768, 0.75, 42));
    }

    @Test
    void differentSeedsGiveDifferentSplits() {
        assertNotEquals(TrainTestSplit.shuffled(768, 0.75, 42).testRows(),
                TrainTestSplit.shuffled(768, 0.75, 43).testRows());
    }

    @Test
    void splitsSeventyFiveTwentyFiveRounded() {
        TrainTestSplit split = TrainTestSplit.shuffled(150, 0.75, 42);
        assertEquals(113, split.trainRows().size()); // round(112.5)
        assertEquals(37, split.testRows().size());
        TrainTestSplit pima = TrainTestSplit.shuffled(768, 0.75, 42);
        assertEquals(576, pima.trainRows().size());
        assertEquals(192, pima.testRows().size());
    }

    @Test
    void partsAreDisjointAndCoverEveryRow() {
        for (int rows : new int[] {3, 7, 150, 1031}) {
            TrainTestSplit split = TrainTestSplit.shuffled(rows, 0.75, 42);
            Set<Integer> train = new HashSet<>(split.trainRows());
            Set<Integer> test = new HashSet<>(split.testRows());
            assertEquals(split.trainRows().size(), train.size(), "no duplicates in train");
            assertEquals(split.testRows().size(), test.size(), "no duplicates in test");
            Set<Integer> overlap = new HashSet<>(train);
            overlap.retainAll(test);
            assertTrue(overlap.isEmpty(), "train and test overlap: " + overlap);
            Set<Integer> all = new HashSet<>(train);
            all.addAll(test);
            assertEquals(IntStream.range(0, rows).boxed().collect(java.util.stream.Collectors.toSet()), all);
        }
    }

    @Test
    void shufflesRowsSoThatASortedFileIsMixed() {
        TrainTestSplit split = TrainTestSplit.shuffled(150, 0.75, 42);
        List<Integer> sorted = new ArrayList<>(split.testRows());
        sorted.sort(null);
        assertNotEquals(sorted, split.testRows(), "test rows keep their shuffled order");
        // iris is sorted by species in blocks of 50: every block must reach the test part
        for (int block = 0; block < 3; block++) {
            int from = block * 50;
            assertTrue(split.testRows().stream().anyMatch(row -> row >= from && row < from + 50),
                    "block " + block + " has test rows");
        }
    }

    @Test
    void rejectsSplitsWithAnEmptyPart() {
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.shuffled(1, 0.75, 42));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.shuffled(10, 1.0, 42));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.shuffled(10, 0.0, 42));
    }
}
