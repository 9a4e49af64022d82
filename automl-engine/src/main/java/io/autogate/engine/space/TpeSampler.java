package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011), after Optuna's independent TPE.
 * With fewer than {@code startupTrials} observations it samples at random. Otherwise it splits
 * the history into the best {@code min(ceil(0.1 n), 25)} ("good") and the rest, fits per
 * dimension a Parzen estimator l(x) on the good and g(x) on the rest (truncated Gaussian
 * mixtures with a prior component in the possibly log-scaled space; smoothed counts for
 * choices), draws {@code candidates} configurations from l and returns the one with the largest
 * sum over its active dimensions of log l(x) - log g(x). A conditional parameter's estimators use
 * only the observations in which it was active. Stateless and thread-safe.
 *
 * @param startupTrials observations needed before modelling (Optuna: 10)
 * @param candidates configurations drawn from l per proposal (Optuna: 24)
 * @param priorWeight weight of the prior component relative to one observation (Optuna: 1)
 */
public record TpeSampler(int startupTrials, int candidates, double priorWeight) implements ParameterSampler {
    private static final double GOOD_FRACTION = 0.1;
    private static final int MAX_GOOD = 25;

    public TpeSampler {
        if (startupTrials < 1) {
            throw new IllegalArgumentException("startupTrials must be at least 1, got " + startupTrials);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1, got " + candidates);
        }
        if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight must be positive, got " + priorWeight);
        }
    }

    /** Optuna's defaults: 10 startup trials, 24 candidates, prior weight 1. */
    public TpeSampler() {
        this(10, 24, 1.0);
    }

    /** How many of {@code n} observations count as good: {@code min(ceil(0.1 n), 25)}. */
    public static int goodCount(int n) {
        return Math.min((int) Math.ceil(GOOD_FRACTION * n), MAX_GOOD);
    }

    @Override
    public Map<String, Object> propose(SearchSpace space, TaskType task, List<Observation> history, SplittableRandom rng) {
        if (history.size() < startupTrials) {
            return space.sample(rng, task);
        }
        int n = history.size();
        int good = goodCount(n);
        boolean[] isGood = new boolean[n];
        IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> history.get(i).rankingLoss()).thenComparingInt(i -> i))
                .limit(good)
                .forEach(i -> isGood[i] = true);
        List<Observation> below = new ArrayList<>();
        List<Observation> above = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (isGood[i] ? below : above).add(history.get(i));
        }

        Map<String, Estimators> estimators = new HashMap<>();
        Map<String, Object> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            Map<String, Object> values = new LinkedHashMap<>();
            double score = 0;
            for (Dimension dimension : space.dimensions()) {
                if (!space.isActive(dimension, task, values)) {
                    continue;
                }
                if (dimension instanceof FixedDimension fixed) {
                    values.put(fixed.name(), fixed.value());
                    continue;
                }
                Estimators pair = estimators.computeIfAbsent(dimension.name(), k -> fit(dimension, below, above));
                score += pair.draw(dimension, values, rng);
            }
            if (best == null || score > bestScore) {
                best = values;
                bestScore = score;
            }
        }
        return space.complete(best, task);
    }

    private Estimators fit(Dimension dimension, List<Observation> below, List<Observation> above) {
        return switch (dimension) {
            case FloatDimension d -> {
                Scale scale = new Scale(d.log(), d.low(), d.high());
                yield new Estimators(numeric(d, scale, below), numeric(d, scale, above), null, null, scale);
            }
            case IntDimension d -> {
                Scale scale = new Scale(d.log(), d.low() - 0.5, d.high() + 0.5);
                yield new Estimators(numeric(d, scale, below), numeric(d, scale, above), null, null, scale);
            }
            case ChoiceDimension d -> new Estimators(null, null, categorical(d, below), categorical(d, above), null);
            case FixedDimension d -> throw new IllegalStateException("fixed parameter '" + d.name() + "' is not modelled");
        };
    }

    private NumericParzenEstimator numeric(Dimension dimension, Scale scale, List<Observation> observations) {
        double[] values = observations.stream()
                .map(o -> o.params().get(dimension.name()))
                .filter(v -> isValid(dimension, v))
                .mapToDouble(v -> scale.toScaled(((Number) v).doubleValue()))
                .toArray();
        return new NumericParzenEstimator(values, scale.low(), scale.high(), priorWeight);
    }

    private CategoricalParzenEstimator categorical(ChoiceDimension dimension, List<Observation> observations) {
        int[] indices = observations.stream()
                .map(o -> o.params().get(dimension.name()))
                .filter(v -> isValid(dimension, v))
                .mapToInt(dimension::indexOf)
                .toArray();
        return new CategoricalParzenEstimator(indices, dimension.values().size(), priorWeight);
    }

    private static boolean isValid(Dimension dimension, Object value) {
        if (value == null) {
            return false;
        }
        try {
            dimension.validate(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Maps a numeric dimension's values to the estimator's scale (log or linear) and its bounds there. */
    private record Scale(boolean log, double lowValue, double highValue) {
        double low() {
            return toScaled(lowValue);
        }

        double high() {
            return toScaled(highValue);
        }

        double toScaled(double value) {
            return log ? Math.log(value) : value;
        }

        double fromScaled(double scaled) {
            return log ? Math.exp(scaled) : scaled;
        }
    }

    /** The good (l) and bad (g) estimators of one dimension. */
    private record Estimators(NumericParzenEstimator goodNumeric, NumericParzenEstimator badNumeric,
                              CategoricalParzenEstimator goodChoice, CategoricalParzenEstimator badChoice, Scale scale) {
        /** Draws a value from l into {@code values} and returns log l(x) - log g(x). */
        double draw(Dimension dimension, Map<String, Object> values, SplittableRandom rng) {
            return switch (dimension) {
                case FloatDimension d -> {
                    double z = goodNumeric.sample(rng);
                    double x = Math.min(d.high(), Math.max(d.low(), scale.fromScaled(z)));
                    values.put(d.name(), x);
                    yield goodNumeric.logDensity(z) - badNumeric.logDensity(z);
                }
                case IntDimension d -> {
                    int x = d.clamp(Math.round(scale.fromScaled(goodNumeric.sample(rng))));
                    values.put(d.name(), x);
                    double z = scale.toScaled(x);
                    yield goodNumeric.logDensity(z) - badNumeric.logDensity(z);
                }
                case ChoiceDimension d -> {
                    int index = goodChoice.sample(rng);
                    values.put(d.name(), d.values().get(index));
                    yield goodChoice.logProbability(index) - badChoice.logProbability(index);
                }
                case FixedDimension d -> throw new IllegalStateException("fixed parameter '" + d.name() + "' is not modelled");
            };
        }
    }
}
