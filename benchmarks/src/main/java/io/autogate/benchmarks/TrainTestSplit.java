package io.autogate.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed split of row indices into a training part and a test part. The indices are shuffled with
 * a seeded Fisher-Yates shuffle ({@link SplittableRandom}); the first {@code round(n * trainFraction)}
 * shuffled indices train, the rest test, both kept in shuffled order so that a source file sorted by
 * class does not hand either system sorted rows.
 */
public record TrainTestSplit(List<Integer> trainRows, List<Integer> testRows) {

    public TrainTestSplit {
        trainRows = List.copyOf(trainRows);
        testRows = List.copyOf(testRows);
    }

    /**
     * Shuffles {@code 0..rowCount-1} with {@code seed} and cuts it at {@code round(rowCount * trainFraction)}.
     *
     * @throws IllegalArgumentException if the fraction is not in (0, 1) or either part would be empty
     */
    public static TrainTestSplit shuffled(int rowCount, double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must be in (0, 1), got " + trainFraction);
        }
        int trainSize = (int) Math.round(rowCount * trainFraction);
        if (trainSize < 1 || trainSize >= rowCount) {
            throw new IllegalArgumentException("cannot split " + rowCount + " rows " + trainFraction
                    + " / " + (1 - trainFraction) + " with both parts non-empty");
        }
        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = rowCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<Integer> train = new ArrayList<>(trainSize);
        List<Integer> test = new ArrayList<>(rowCount - trainSize);
        for (int i = 0; i < rowCount; i++) {
            (i < trainSize ? train : test).add(order[i]);
        }
        return new TrainTestSplit(train, test);
    }
}
